FROM postgres:17
# want: stop-signal
STOPSIGNAL SIGKILL
