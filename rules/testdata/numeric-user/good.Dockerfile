FROM golang:1.23 AS build
# A named user in a build stage does not matter.
RUN useradd builder
USER builder
RUN go build -o /tmp/app .

FROM debian:12-slim AS unresolved
ARG RUN_AS
USER ${RUN_AS}

FROM debian:12-slim AS rooted
# root is root-user's business.
USER root

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /tmp/app /app
USER 65532:65532
ENTRYPOINT ["/app"]
