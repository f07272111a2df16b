# A stage that is only built from still fails the build on a bad signal.
FROM golang:1.24 AS build
# want: stop-signal
STOPSIGNAL QUITT
RUN go build -o /app .

FROM gcr.io/distroless/static
COPY --from=build /app /app
ENTRYPOINT ["/app"]
