# busybox ash execs the plain last command of a -c string: su-exec
# replaces the shell and then execs the server, which is PID 1.
FROM alpine:3.21
RUN apk add --no-cache su-exec
ENTRYPOINT ["/bin/sh", "-c", "chown 10001 /data && su-exec 10001 /usr/local/bin/server"]

FROM alpine:3.21 AS shell-form
RUN apk add --no-cache su-exec
CMD su-exec 10001 /usr/local/bin/server
