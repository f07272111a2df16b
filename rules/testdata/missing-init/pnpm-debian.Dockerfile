# pnpm hands docker stop's SIGTERM to the app even through dash
# (measured with pnpm 9): information, for the zombies no init reaps.
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
USER node
# want: missing-init
CMD ["pnpm", "start"]
