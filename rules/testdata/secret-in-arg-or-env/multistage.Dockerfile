# A token used only in a builder stage never reaches the final image: its
# history and config are the final stage's own.
FROM golang:1.23 AS build
ARG GITHUB_TOKEN
ENV GOPRIVATE=github.com/acme/* GIT_PASSWORD=${GITHUB_TOKEN}
RUN git config --global url."https://x:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" \
 && go build -o /app ./cmd/app
FROM gcr.io/distroless/static-debian12
COPY --from=build /app /app
# An ARG no RUN follows is not in any history entry.
ARG LICENSE_KEY
ENTRYPOINT ["/app"]
