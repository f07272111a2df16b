#!/bin/sh
# The last command may be a function of the sourced file, which exec
# cannot run: the finding says so, and carries no fix.
. /opt/bench/functions/output_lib.sh
run_checks
# want: entrypoint-script-missing-exec
endjson
