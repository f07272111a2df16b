FROM alpine:3.20
RUN apk add --no-cache tini
ENTRYPOINT ["/sbin/tini", "--"]
# want: shell-form-cmd-with-entrypoint
CMD ./server --port 8080 > /var/log/server.log
