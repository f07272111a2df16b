FROM alpine:3.20
ARG VERSION
LABEL org.opencontainers.image.version=$VERSION
LABEL other=""
LABEL org.opencontainers.image.title=app
