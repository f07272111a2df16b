# The deps stage is a base of later stages, the build stage runs npm only at
# build time: the final stage's CMD is what runs.
FROM node:22 AS deps
WORKDIR /src
COPY package*.json ./
RUN npm ci
CMD ["npm", "start"]

FROM deps AS build
COPY . .
RUN npm run build

FROM node:22-slim AS app
WORKDIR /app
COPY --from=build /src/dist ./dist
COPY --from=build /src/node_modules ./node_modules
# want: missing-init
CMD ["pnpm", \
     "start"]
