# The -dev variants have a shell.
FROM cgr.dev/chainguard/python:latest-dev
RUN pip install --no-cache-dir flask
FROM gcr.io/distroless/base-debian12:debug
# distroless :debug has busybox under /busybox, reached by its own SHELL.
SHELL ["/busybox/sh", "-c"]
RUN ls /
