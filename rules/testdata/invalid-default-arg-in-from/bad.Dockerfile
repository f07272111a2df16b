ARG TAG
# want: invalid-default-arg-in-from
FROM alpine:${TAG}
ARG BASE
# want: invalid-default-arg-in-from
FROM ${BASE} AS build
