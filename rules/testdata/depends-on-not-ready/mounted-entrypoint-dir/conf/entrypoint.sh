#!/bin/sh
set -e
until pg_isready -h db -U postgres; do sleep 1; done
exec "$@"
