# want: missing-user
FROM gcr.io/distroless/static-debian12:latest
COPY app /app
ENTRYPOINT ["/app"]
