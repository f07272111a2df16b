# syntax=docker/dockerfile:1
FROM debian:12-slim
# The default sandbox, written out, and words that only mention the flag.
RUN --security=sandbox echo "--security=insecure is not used here"
RUN --network=none make test
