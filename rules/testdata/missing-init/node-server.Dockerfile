FROM node:22-slim
WORKDIR /app
COPY . .
# want: missing-init
CMD ["node", "--enable-source-maps", "server.js"]
