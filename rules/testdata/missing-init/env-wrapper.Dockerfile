FROM node:22-slim
WORKDIR /app
COPY . .
# want: missing-init
CMD ["env", "NODE_ENV=production", "PORT=8080", "yarn", "start"]
