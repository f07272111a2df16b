FROM node:22-alpine
RUN apk add --no-cache dumb-init
WORKDIR /app
COPY . .
ENTRYPOINT ["dumb-init", "--"]
CMD ["npm", "start"]
