FROM alpine:3.20
# su as an argument, or in a comment, is not su switching user.
RUN apk add --no-cache su-exec shadow && echo "use su-exec, not su" \
 && grep -q su /etc/passwd || true
RUN su --help >/dev/null 2>&1 || true
RUN adduser -D -u 10001 app
ENTRYPOINT ["su-exec", "app"]
CMD ["/usr/local/bin/server"]
