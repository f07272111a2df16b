FROM alpine:3.20 AS app
RUN cp /etc/passwd /tmp/passwd
FROM alpine:3.20
COPY --from=app /etc/passwd /tmp/passwd
COPY --from=0 /etc/passwd /tmp/passwd
