# escape=`
ARG NAME=scratch
FROM scratch AS base
FROM alpine:3.20 `
    AS sources
COPY --from=base / /
FROM ${NAME}
