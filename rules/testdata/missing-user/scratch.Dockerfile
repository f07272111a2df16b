FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

# want: missing-user
FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
