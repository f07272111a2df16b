FROM alpine:3.20 AS base
RUN adduser -D -u 10001 app
USER 10001:10001

FROM base AS app
COPY app /app
CMD ["/app"]
