ARG GO=1.23
FROM golang:${GO} AS build
RUN <<EOF
go build -o /out/app .
EOF

FROM alpine:3.20 \
    AS runtime
COPY --from=Build /out/app /app
