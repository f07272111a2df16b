#!/bin/sh
set -e
mkdir -p /data
exec /bin/s6-svscan /app/docker/s6/
