ARG PLATFORM=linux/arm64
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
FROM --platform=${PLATFORM} alpine:3.20 AS other
FROM --platform=$TARGETPLATFORM-x alpine:3.20
FROM alpine:3.20
