# want: constant-platform
FROM --platform=linux/amd64 node:22-slim AS web
# want: constant-platform
FROM --platform=linux/arm64/v8 \
    alpine:3.20
