ARG TAG=3.20
ARG VARIANT
FROM alpine:${TAG} AS base
FROM python:3.12${VARIANT}
FROM --platform=$BUILDPLATFORM golang:1.23-${TARGETOS} AS cross
FROM base
RUN <<EOF
echo heredoc
EOF
