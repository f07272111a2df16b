#!/bin/sh
cron &
exec "$@"
