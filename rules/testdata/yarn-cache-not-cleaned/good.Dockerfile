FROM node:22-slim
RUN yarn install --frozen-lockfile && yarn cache clean
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
RUN --mount=type=cache,target=/home/node/.cache/yarn,uid=1000 yarn install
RUN yarn build && yarn test
RUN yarn install && rm -rf /usr/local/share/.cache/yarn
RUN yarn --version && yarn -v
