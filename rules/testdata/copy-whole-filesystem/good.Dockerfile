FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM debian:12-slim
COPY / /
COPY --from=build /out /
COPY --from=build / /app
FROM scratch
# flattening onto an empty image
COPY --from=build / /
