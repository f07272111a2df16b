#!/bin/sh
# want: stop-signal
docker run -d --stop-signal KILL example/app
# want: stop-signal
docker run -d --stop-signal=SIGBOGUS example/app
docker run -d --stop-signal SIGINT postgres:17
# A one-off job is not stopped.
docker run --rm --stop-signal KILL example/app migrate
docker run -d --stop-signal "$SIG" example/app
