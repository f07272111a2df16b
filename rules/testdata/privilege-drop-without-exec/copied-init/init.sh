#!/bin/sh
set -e
chown -R node:node /app/data
# want: privilege-drop-without-exec
gosu node "$@"
