# GO_VERSION is the version of Go.
ARG GO_VERSION=1.23

# build compiles the server
FROM golang:${GO_VERSION} AS build
# hadolint ignore=DL3003
ARG NAME
# a comment above an unnamed stage
FROM alpine:3.20
# nothing to describe
#
ARG OTHER
