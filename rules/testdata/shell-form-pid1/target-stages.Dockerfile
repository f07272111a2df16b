FROM node:22-slim AS base
WORKDIR /app
COPY package*.json ./

# A development target: built with --target dev.
FROM base AS dev
RUN npm install
# want: shell-form-pid1
CMD npm run dev

FROM base AS prod
RUN npm ci --omit=dev
CMD ["node", "server.js"]
