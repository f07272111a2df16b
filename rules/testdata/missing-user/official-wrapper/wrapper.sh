#!/bin/sh
set -e
echo "starting redis"
exec docker-entrypoint.sh "$@"
