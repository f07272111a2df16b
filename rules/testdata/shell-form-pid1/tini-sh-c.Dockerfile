FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini
# tini is PID 1, but it forwards SIGTERM to the shell, not the server (info).
# want: shell-form-pid1
ENTRYPOINT ["/sbin/tini", "--", "sh", "-c", "./migrate; ./server"]
