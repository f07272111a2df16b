#!/bin/sh
# A privilege drop without exec is privilege-drop-without-exec's to report.
gosu app "$@"
