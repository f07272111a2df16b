# arm64v8/debian is the official debian image's arm64 copy: a base image
# built on it runs bash, no application.
FROM arm64v8/debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
