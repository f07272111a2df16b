FROM debian:12-slim AS base
# want: update-without-install
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
FROM ubuntu:24.04
# want: update-without-install
RUN --mount=type=cache,target=/var/cache/apt apt update
RUN aptitude install -y git
FROM base
RUN apt-get install -y \
      git
