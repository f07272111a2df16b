FROM debian:12-slim
RUN apt-get update
# want: consecutive-run
RUN apt-get install -y --no-install-recommends curl
# a comment does not part them
# want: consecutive-run
RUN rm -rf /var/lib/apt/lists/*
FROM alpine:3.20 AS second
RUN --mount=type=cache,target=/var/cache/apk apk add curl
# want: consecutive-run
RUN --mount=type=cache,target=/var/cache/apk apk add git
