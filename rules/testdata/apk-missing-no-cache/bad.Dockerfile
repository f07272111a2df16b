FROM alpine:3.20 AS build
RUN apk add gcc
FROM alpine:3.20
ARG PKGS="curl git"
# want: apk-missing-no-cache
RUN apk add $PKGS
RUN --mount=type=cache,target=/var/cache/apt \
    apk update \
# want: apk-missing-no-cache
 && apk add \
      ca-certificates
RUN <<EOF2
# want: apk-missing-no-cache
apk add --virtual .deps tzdata
EOF2
# want: apk-missing-no-cache
RUN rm -rf /var/cache/apk/* && apk add curl
