#!/bin/sh
set -e
# dlint ignore=sudo want: unused-ignore
echo "starting"
# dlint ignore=entrypoint-script-missing-exec
"$@"
