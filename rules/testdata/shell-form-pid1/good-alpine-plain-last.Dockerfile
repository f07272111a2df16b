# busybox ash (Alpine's /bin/sh) execs a plain last command of `sh -c`:
# the server becomes PID 1 and gets SIGTERM. Nothing to report.
FROM alpine:3.21
COPY server /usr/local/bin/server
CMD cd /srv && server --port 8080
