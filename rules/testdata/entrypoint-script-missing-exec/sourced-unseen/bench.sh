#!/bin/sh
# The sourced file is the image's, not on disk: the last command may be
# one of its functions, which exec cannot run. The finding says so, and
# carries no fix.
. /usr/lib/bench/output_lib.sh
run_checks
# want: entrypoint-script-missing-exec
endjson
