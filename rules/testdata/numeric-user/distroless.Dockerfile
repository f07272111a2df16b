FROM gcr.io/distroless/static-debian12:nonroot
COPY app /app
# want: numeric-user
USER nonroot:nonroot
ENTRYPOINT ["/app"]
