#!/bin/bash
# start calls stop, which is declared after start's body but before the
# last line calls start: when the call runs, stop is a function, not a
# program to exec.
trap stop TERM
start() {
	/usr/bin/server &
	SERVER_PID=$!
	wait "$SERVER_PID"
	if [ -z "$STOPPING" ]; then
		stop $?
	fi
}
stop() {
	STOPPING=1
	echo "server exited with status ${1:-0}"
	exit "${1:-0}"
}
start
