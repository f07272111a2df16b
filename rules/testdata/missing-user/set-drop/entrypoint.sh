#!/bin/sh
set -e
if [ "$(id -u)" = 0 ]; then
	chown -R app /data
	set -- su-exec app "$@"
fi
exec "$@"
