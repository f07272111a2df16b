#!/bin/sh
if [ $# -eq 0 ]; then
  echo "usage: docker run image COMMAND" >&2
  exit 64
fi
case "$1" in
  web) shift; exec /usr/local/bin/web "$@" ;;
  *) exec "$@" ;;
esac
