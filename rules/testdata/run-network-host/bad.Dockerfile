# syntax=docker/dockerfile:1
FROM node:22-slim AS deps
# want: run-network-host
RUN --network=host npm ci
RUN --mount=type=cache,target=/root/.npm \
    # want: run-network-host
    --network=host \
    npm run build
FROM node:22-slim
COPY --from=deps /app /app
