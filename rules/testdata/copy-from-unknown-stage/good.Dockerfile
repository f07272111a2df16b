FROM golang:1.23 AS Builder
RUN go build -o /app .
FROM gcr.io/distroless/static
COPY --from=builder /app /app
COPY --from=0 /app /app0
COPY --from=later /x /x
COPY --from=alpine /etc/os-release /tmp/
COPY --from=ghcr.io/acme/tool:1 /tool /tool
COPY --from=tool:1.2 /tool /tool
FROM alpine:3.20 AS later
