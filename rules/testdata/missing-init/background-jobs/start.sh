#!/bin/sh
set -e
# One finding lists every job left under the exec'd program, each named
# through its wrappers.
# want: missing-init
nohup celery -A app worker >/var/log/celery.log 2>&1 &
setsid nice -n 10 cron -f &
env REDIS_PORT=6380 redis-server --port 6380 &
exec "$@"
