FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM debian:12-slim
COPY / /
COPY --from=build /out /
COPY --from=build / /app
FROM scratch
# flattening onto an empty image
COPY --from=build / /
FROM debian:12-slim
# an image, not a stage: often a few binaries on scratch
COPY --from=gloursdocker/docker / /
FROM scratch AS tools
COPY --from=build /out/app /bin/app
FROM debian:12-slim
COPY --from=tools / /

# A stage that only names an image is that image: tonistiigi/xx holds a few
# scripts on scratch, like an image named in --from.
FROM tonistiigi/xx:1.5.0 AS xx
FROM golang:1.23-alpine AS build
COPY --from=xx / /
