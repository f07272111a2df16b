# syntax=docker/dockerfile:1
# dlint as a container image:
#   docker build -t dlint .
#   docker run --rm -v "$PWD:/src:ro" dlint .

FROM golang:1.26-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
# VERSION (e.g. --build-arg VERSION=1.2.3) replaces the version built in.
ARG VERSION
# CGO off: a static binary that runs on distroless/static.
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w ${VERSION:+-X main.version=${VERSION}}" -o /out/dlint ./cmd/dlint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/dlint /usr/local/bin/dlint
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/dlint"]
