FROM node:22-slim
WORKDIR /app
COPY . .
USER node
EXPOSE 4000
CMD ["node", "search.js"]
