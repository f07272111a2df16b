# yarn signals only the `sh -c` it runs the script with; dash forks the
# app, which dies without a SIGTERM: a warning.
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
USER node
# want: missing-init
CMD ["yarn", "start"]
