#!/bin/bash
set -eo pipefail

# A temporary server for setup, stopped and waited for before the real one.
temp_server_stop() {
	kill -s TERM "$pid"
	wait "$pid"
}

temp_server_start() {
	"$@" --skip-networking &
	pid="$!"
}

if [ ! -d /var/lib/mysql/mysql ]; then
	temp_server_start "$@"
	mysql < /docker-entrypoint-initdb.d/init.sql
	temp_server_stop
fi

exec "$@"
