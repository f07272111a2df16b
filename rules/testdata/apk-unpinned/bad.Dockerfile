FROM alpine:3.20
ENV TOOLS="git=2.45.2-r0 curl"
# want: apk-unpinned
RUN apk add --no-cache $TOOLS
# want: apk-unpinned
RUN --mount=type=cache,target=/var/cache/apk apk add \
      flex=2.6.4-r6 \
      bison
FROM alpine:3.20 AS build
RUN <<EOF2
# want: apk-unpinned
apk add --virtual .build-deps gcc musl-dev=1.2.5-r0
EOF2
