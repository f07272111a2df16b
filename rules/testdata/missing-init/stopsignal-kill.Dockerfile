# docker stop kills node at once: no SIGTERM goes unhandled.
FROM node:22-slim
WORKDIR /app
COPY . .
STOPSIGNAL SIGKILL
CMD ["node", "--enable-source-maps", "server.js"]
