# syntax=docker/dockerfile:1-labs
FROM debian:12-slim AS build
# want: run-security-insecure
RUN --security=insecure mount -t tmpfs none /mnt && ./build.sh
# Continuation lines: the flag sits on the second line.
RUN --mount=type=cache,target=/var/cache/apt \
    # want: run-security-insecure
    --security=insecure \
    apt-get update
# A heredoc body.
# want: run-security-insecure
RUN --security=insecure <<EOS
set -e
losetup -f
EOS
FROM debian:12-slim
# An ONBUILD trigger runs privileged in the images built on this one.
# want: run-security-insecure
ONBUILD RUN --security=insecure ./setup.sh
