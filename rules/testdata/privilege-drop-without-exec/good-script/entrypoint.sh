#!/bin/sh
set -e
if [ "$(id -u)" = 0 ]; then
	gosu nobody true
	exec gosu app "$0" "$@"
fi
exec "$@"
