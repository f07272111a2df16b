#!/bin/sh
# The database runs in the background for the app's whole life; the
# script stops only the temporary page it served while the database
# started, so the database ends up under node, which never reaps it.
# want: missing-init
ferretdb --handler=sqlite &
db_pid=$!
trap 'kill "$db_pid"' EXIT TERM

busybox httpd -f -p 8080 -h /var/www/starting &
page_pid=$!
until nc -z localhost 27017; do sleep 1; done
kill "$page_pid"
wait "$page_pid"

exec node /app/main.js
