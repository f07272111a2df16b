#!/bin/sh
set -e
if [ "$1" = shell ]; then
	# want: su-privilege-drop
	exec su -
fi
if [ "$(id -u)" = 0 ]; then
	chown -R app /data
	# want: su-privilege-drop
	exec su app -s /bin/sh -c 'exec "$0" "$@"' -- "$@"
fi
exec "$@"
