#!/bin/sh
set -e
if [ "$1" = server ]; then
	chown -R 10001 /data
	# want: privilege-drop-without-exec
	su-exec 10001 "$@"
fi
exec "$@"
