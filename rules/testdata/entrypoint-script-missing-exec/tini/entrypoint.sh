#!/bin/sh
chown -R app /data
# want: entrypoint-script-missing-exec
"$@"
