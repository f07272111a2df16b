# cgr.dev/chainguard/go runs as root, unlike the runtime images.
# want: missing-user
FROM cgr.dev/chainguard/go:latest
COPY . /src
ENTRYPOINT ["go", "run", "/src"]
