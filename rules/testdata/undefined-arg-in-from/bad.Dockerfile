# want: undefined-arg-in-from
FROM node:${NODE_VERSION}-slim AS build
ARG NODE_VERSION=22
RUN node --version
# want: undefined-arg-in-from
FROM --platform=$PLATFORM alpine:3.20
# want: undefined-arg-in-from
FROM alpine:${TAG:-3.20}
# want: undefined-arg-in-from
FROM ${REGISTRY}app:1 \
    AS final
