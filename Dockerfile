# syntax=docker/dockerfile:1
# dlint as a container image:
#   docker build -t dlint .
#   docker run --rm -v "$PWD:/src:ro" dlint .

# The build stage runs on the builder's platform and cross-compiles, so a
# multi-platform build (docker buildx --platform linux/amd64,linux/arm64,
# as GoReleaser runs it) needs no emulation.
FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
# VERSION, COMMIT and DATE (e.g. --build-arg VERSION=1.2.3) are what
# `dlint version` prints; the build context has no .git to read them from.
ARG VERSION COMMIT DATE
ARG TARGETOS TARGETARCH
# CGO off: a static binary that runs on distroless/static.
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath \
      -ldflags="-s -w ${VERSION:+-X main.version=${VERSION}} ${COMMIT:+-X main.commit=${COMMIT}} ${DATE:+-X main.date=${DATE}}" \
      -o /out/dlint ./cmd/dlint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/dlint /usr/local/bin/dlint
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/dlint"]
