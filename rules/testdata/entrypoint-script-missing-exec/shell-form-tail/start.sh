#!/bin/sh
npm run migrate
# want: entrypoint-script-missing-exec
node server.js
