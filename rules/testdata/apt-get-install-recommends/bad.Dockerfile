FROM debian:12-slim AS build
RUN apt-get update && apt-get install -y build-essential
FROM debian:12-slim
ARG PKGS="curl git"
# want: apt-get-install-recommends
RUN apt-get update && apt-get install -y $PKGS && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/cache/apt \
    apt-get update \
# want: apt-get-install-recommends
 && apt-get install -y \
      ca-certificates
RUN <<EOF2
# want: apt-get-install-recommends
aptitude install -y vim
EOF2
