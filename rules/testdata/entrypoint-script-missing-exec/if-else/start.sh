#!/bin/sh
if [ "$NODE_ENV" = production ]; then
  exec node server.js
else
  # want: entrypoint-script-missing-exec
  npx nodemon server.js
fi
