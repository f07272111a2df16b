FROM debian:12-slim AS base
# want: update-without-install
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
FROM alpine:3.20
# want: update-without-install
RUN --mount=type=cache,target=/var/cache/apk apk update
RUN apk add git
FROM base
RUN apt-get install -y \
      git
