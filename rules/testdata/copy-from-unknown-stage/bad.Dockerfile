FROM golang:1.23 AS builder
RUN go build -o /app .
FROM gcr.io/distroless/static
# want: copy-from-unknown-stage
COPY --from=buider /app /app
# want: copy-from-unknown-stage
COPY --from=5 /app /app2
