FROM alpine:3.20 AS base
# want: root-user
USER 0:0

FROM base AS app
COPY app /app
CMD ["/app"]
