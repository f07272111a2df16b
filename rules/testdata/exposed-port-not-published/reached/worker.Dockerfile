FROM node:22-slim
WORKDIR /app
COPY . .
USER node
# want: exposed-port-not-published
EXPOSE 9090
CMD ["node", "worker.js"]
