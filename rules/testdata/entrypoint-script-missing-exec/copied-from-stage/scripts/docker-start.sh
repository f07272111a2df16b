#!/bin/sh
set -e
node migrate.js
# want: entrypoint-script-missing-exec
node apps/web/server.js
