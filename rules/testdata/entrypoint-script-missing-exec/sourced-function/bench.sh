#!/bin/sh
# The last command is a function of the sourced file, which exec cannot
# run: no finding.
. /opt/bench/functions/output_lib.sh
run_checks
endjson
