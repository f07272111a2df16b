#!/bin/bash
set -e
source "${RUNTIME_DIR}/functions"
case "$1" in
	app:start)
		check_database
		exec /opt/app/bin/server
		;;
	*)
		exec "$@"
		;;
esac
