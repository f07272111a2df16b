FROM debian:12-slim AS base
# want: apt-lists-not-removed
RUN apt-get update && apt-get install -y curl
FROM base
RUN apt-get install -y git \
# want: apt-lists-not-removed
 && apt-get update \
 && apt-get clean
