FROM alpine:3.20
RUN apk add --no-cache tini
# tini is PID 1, but it forwards SIGTERM to the shell, not the server (info).
# want: shell-form-pid1
ENTRYPOINT ["/sbin/tini", "--", "sh", "-c", "./migrate; ./server"]
