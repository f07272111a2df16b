FROM alpine:3.20 AS app
# want: copy-from-own-stage
COPY --from=app /etc/passwd /tmp/passwd
FROM alpine:3.20
# want: copy-from-own-stage
COPY --from=1 /etc/passwd /tmp/passwd
