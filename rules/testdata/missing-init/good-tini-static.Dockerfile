FROM node:22-slim
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64 /tini
RUN chmod +x /tini
COPY . /app
WORKDIR /app
ENTRYPOINT ["/tini", "-g", "--", "node", "server.js"]
