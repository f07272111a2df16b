#!/bin/sh
chown -R app /data
# want: privilege-drop-without-exec
gosu app "$@"
