#!/bin/bash
trap 'kill $PID' TERM
capsh --user="${DNS_USER}" --keep=1 -- -c "/usr/bin/dns-server --foreground" &
PID=$!
wait $PID
