FROM debian:12-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get update && apt-get upgrade -y
RUN <<EOF2
apt-get update
apt-get install -y git
EOF2
FROM debian:12-slim
RUN apt-get update
RUN echo done
FROM alpine:3.20
RUN apk update
RUN apk add git
FROM debian:12-slim
RUN apt-get install -y ./local.deb
