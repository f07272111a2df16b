# A USER in a build stage does not carry over to an unrelated final stage.
FROM golang:1.23 AS build
RUN useradd --uid 10001 builder
USER builder
RUN go build -o /tmp/app .

# want: missing-user
FROM debian:12-slim AS app
COPY --from=build /tmp/app /usr/local/bin/app
CMD ["app"]
