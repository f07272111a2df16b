FROM alpine:3.20
ARG VERSION=
# want: label-empty
LABEL org.opencontainers.image.version=$VERSION
# want: label-empty
LABEL org.opencontainers.image.title=""
