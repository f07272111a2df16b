#!/bin/sh
set -e
# `exec` would skip the EXIT handler: reported, with no fix.
trap 'rm -f /tmp/app.lock' EXIT
touch /tmp/app.lock
# want: entrypoint-script-missing-exec
"$@"
