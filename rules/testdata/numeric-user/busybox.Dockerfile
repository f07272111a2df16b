FROM alpine:3.20
RUN addgroup -S -g 1000 app \
 && adduser -S -D -H -u 1000 -G app app
# want: numeric-user
USER app
ENTRYPOINT ["/app"]
