ARG PLATFORM=linux/amd64
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
FROM --platform=linux/amd64 alpine:3.20 AS build-amd64
FROM --platform=${PLATFORM} alpine:3.20
FROM alpine:3.20
