# SIGKILL in a stage the final one does not build on never runs.
FROM golang:1.24 AS build
STOPSIGNAL SIGKILL
RUN go build -o /app .

FROM gcr.io/distroless/static
COPY --from=build /app /app
ENTRYPOINT ["/app"]
