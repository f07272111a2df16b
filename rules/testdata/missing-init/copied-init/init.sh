#!/bin/sh
# want: missing-init
cron &
exec "$@"
