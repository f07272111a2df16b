#!/bin/sh
set -eu
chown -R node:node /app/uploads
# want: missing-init
exec su-exec node:node npm run start:prod
