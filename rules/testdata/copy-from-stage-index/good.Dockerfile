FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
COPY --from=busybox:1.36 /bin/busybox /busybox
