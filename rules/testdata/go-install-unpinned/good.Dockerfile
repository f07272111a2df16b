FROM golang:1.23 AS build
ARG GOPLS_VERSION
RUN go install golang.org/x/tools/gopls@v0.16.2 golang.org/x/tools/cmd/goimports@$GOPLS_VERSION
RUN go install ./cmd/app && go install . && go install /go/app/foobar
RUN go install example.com/pkg
RUN go install -ldflags "-s -w" ./cmd/app
RUN go build -o /app ./cmd/app
RUN go get github.com/golang/mock/mockgen@v1.6.0
RUN go run github.com/swaggo/swag/cmd/swag@v1.16.3 init -g main.go
RUN go run ./cmd/gen
