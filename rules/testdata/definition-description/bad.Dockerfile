# the version of Go
# want: definition-description
ARG GO_VERSION=1.23

# compile the server
# want: definition-description
FROM golang:${GO_VERSION} AS build
RUN go build .
