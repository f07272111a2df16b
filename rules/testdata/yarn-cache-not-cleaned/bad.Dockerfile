FROM node:22 AS build
RUN yarn install
FROM node:22-slim
# want: yarn-cache-not-cleaned
RUN yarn install --frozen-lockfile
# want: yarn-cache-not-cleaned
RUN --mount=type=cache,target=/root/.npm yarn \
      --production
RUN <<EOF2
# want: yarn-cache-not-cleaned
yarn global add pm2
EOF2
# want: yarn-cache-not-cleaned
RUN yarn cache clean && yarn install
