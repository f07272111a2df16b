FROM alpine:3.20 AS base
LABEL org.opencontainers.image.source="https://github.com/acme/app" \
      org.opencontainers.image.version=1.0.0 \
      org.opencontainers.image.created=2024-05-01T12:00:00Z
FROM base
ARG REV
LABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT" \
      org.opencontainers.image.revision=$REV \
      org.opencontainers.image.authors=team@example.com \
      org.opencontainers.image.title=app
