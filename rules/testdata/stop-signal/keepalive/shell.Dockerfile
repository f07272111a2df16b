FROM debian:bookworm-slim
STOPSIGNAL SIGKILL
CMD tail -f /dev/null
