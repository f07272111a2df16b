FROM debian:12-slim AS base
# want: apt-lists-not-removed
RUN apt-get update && apt-get install -y curl
FROM base
RUN apt-get install -y git \
# want: apt-lists-not-removed
 && apt-get update \
 && apt-get clean
# Two updates in one RUN (a repository added between them): one finding,
# as one rm at the end removes the lists of both.
# want: apt-lists-not-removed
RUN apt-get update && apt-get install -y --no-install-recommends gnupg \
    && echo "deb http://example.org/apt stable main" > /etc/apt/sources.list.d/x.list \
    && apt-get update && apt-get install -y --no-install-recommends x
