FROM debian:12-slim
ARG PKGS="curl=7.88.1-10 git"
# want: apt-get-unpinned
RUN apt-get update && apt-get install -y $PKGS
RUN --mount=type=cache,target=/var/cache/apt \
    apt-get update \
# want: apt-get-unpinned
 && apt-get install -y --no-install-recommends \
      ca-certificates=20230311 \
      tzdata
RUN <<EOT
set -e
# want: apt-get-unpinned
aptitude install -y vim
EOT
FROM debian:12-slim AS build
# want: apt-get-unpinned
RUN apt-get install -y -t bookworm-backports golang/bookworm-backports
