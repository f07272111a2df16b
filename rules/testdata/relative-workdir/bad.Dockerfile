FROM node:22-slim AS build
# want: relative-workdir
WORKDIR app
WORKDIR src
FROM alpine:3.20
ARG DIR=data
# want: relative-workdir
WORKDIR ${DIR}
