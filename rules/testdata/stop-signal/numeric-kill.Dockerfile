FROM redis:7
# 9 is SIGKILL: Docker reads numbers too.
# want: stop-signal
STOPSIGNAL 9
CMD ["redis-server"]
