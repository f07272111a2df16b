#!/bin/bash
set -e
if (( $# < 1 )); then
    echo "usage: entrypoint.sh apiserver|webserver" >&2
    # A pause before failing, so a restart loop does not spin: no app.
    sleep 60
    exit 1
elif [[ $1 == apiserver ]]; then
    # want: entrypoint-script-missing-exec
    python3 -m apiserver.server
fi
