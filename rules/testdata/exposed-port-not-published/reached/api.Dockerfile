FROM node:22-slim
WORKDIR /app
COPY . .
USER node
EXPOSE 3000
CMD ["node", "server.js"]
