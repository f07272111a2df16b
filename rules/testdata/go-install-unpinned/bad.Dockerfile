FROM golang:1.23 AS build
ARG TOOL=golang.org/x/tools/gopls@latest
# want: go-install-unpinned
RUN go install $TOOL
# want: go-install-unpinned
RUN --mount=type=cache,target=/go/pkg/mod go install \
      github.com/go-delve/delve/cmd/dlv@master
# want: go-install-unpinned
RUN go get github.com/golang/mock/mockgen
# want: go-install-unpinned
RUN go run github.com/swaggo/swag/cmd/swag@latest init
