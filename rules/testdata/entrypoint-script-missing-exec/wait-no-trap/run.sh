#!/bin/bash
/usr/local/bin/web &
/usr/local/bin/worker &
# want: entrypoint-script-missing-exec
wait -n
