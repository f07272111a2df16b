FROM node:22-alpine
WORKDIR /app
COPY . .
# want: missing-init
CMD ["/usr/local/bin/npm", "run", "serve"]
