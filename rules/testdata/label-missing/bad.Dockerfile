FROM alpine:3.20 AS base
LABEL org.opencontainers.image.source="https://github.com/acme/app"
# want: label-missing
FROM base
LABEL org.opencontainers.image.title=app
