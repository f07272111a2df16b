FROM debian:12-slim AS build
RUN apt-get update && apt-get install -y gcc
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y git
RUN <<EOF
apt-get update
apt-get install -y jq
rm -rf /var/lib/apt/lists/*
EOF
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends tk-dev; apt-get dist-clean
# Removing a directory above the lists removes them too.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt
