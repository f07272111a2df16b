#!/bin/bash
# Two processes, supervised on purpose: the trap passes SIGTERM on.
term() { kill -TERM "$web" "$worker" 2>/dev/null; }
trap term TERM INT
/usr/local/bin/web &
web=$!
/usr/local/bin/worker &
worker=$!
wait
