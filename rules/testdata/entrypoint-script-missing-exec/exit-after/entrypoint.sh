#!/bin/sh
# The shell waits for the server, then exits with its status.
# want: entrypoint-script-missing-exec
/usr/local/bin/server --config /etc/server.conf "$@" || exit 1
