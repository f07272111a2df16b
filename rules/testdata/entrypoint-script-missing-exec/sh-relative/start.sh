#!/bin/sh
set -e
npx prisma migrate deploy
# want: entrypoint-script-missing-exec
node build/server/main.js
