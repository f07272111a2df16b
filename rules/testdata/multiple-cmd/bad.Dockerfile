FROM node:22-slim
WORKDIR /app
COPY . .
# want: multiple-cmd
CMD ["node", "server.js"]
RUN npm ci --omit=dev
# want: multiple-cmd
CMD npm run \
    start
CMD ["npm", "start"]
