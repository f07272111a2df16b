# An unnamed stage that is not the last cannot be built with --target (it
# takes a stage name), so its CMD never starts a container.
FROM golang:1.23
WORKDIR /src
CMD go run ./cmd/tool

FROM gcr.io/distroless/static-debian12
COPY --from=0 /src/tool /tool
ENTRYPOINT ["/tool"]
