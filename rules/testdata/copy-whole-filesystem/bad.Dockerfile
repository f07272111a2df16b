FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM debian:12-slim
# want: copy-whole-filesystem
COPY --from=build / /
# want: copy-whole-filesystem
COPY --from=build "/" "/"
