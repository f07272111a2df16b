#!/bin/sh
set -e
# su in a setup helper the script waits for is not between PID 1 and the
# app: the script goes on to `exec "$@"`, which hands over.
run_as() {
	su -p www-data -s /bin/sh -c "$1"
}
if [ "$(id -u)" = 0 ]; then
	run_as 'php artisan migrate --force'
	runuser -u www-data -- php artisan config:cache
	su www-data -s /bin/sh -c 'php artisan queue:restart' || true
fi
exec "$@"
