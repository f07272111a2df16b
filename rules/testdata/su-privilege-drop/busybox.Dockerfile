# busybox su execs the user's shell in its own place, and ash execs the
# command: the server replaces both, as with su-exec.
FROM alpine:3.20
RUN adduser -D -u 10001 app
ENTRYPOINT ["su", "app", "-c", "/usr/local/bin/server"]

# With util-linux's su installed, su stays as the shell's parent.
FROM alpine:3.20 AS util-linux-su
RUN apk add --no-cache util-linux-login && adduser -D -u 10001 app
# want: su-privilege-drop
ENTRYPOINT ["su", "app", "-c", "/usr/local/bin/server"]
