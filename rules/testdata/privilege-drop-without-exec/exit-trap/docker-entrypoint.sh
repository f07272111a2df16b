#!/bin/bash
set -e
# `exec` would skip the EXIT handler: reported, with no fix.
trap 'rm -f /tmp/setup.lock' 0
touch /tmp/setup.lock
# want: privilege-drop-without-exec
gosu postgres "$@"
