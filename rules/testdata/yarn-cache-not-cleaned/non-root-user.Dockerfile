# Under USER node, yarn 1 keeps its cache in node's home, and removing it
# there cleans the layer.
FROM node:22-slim
USER node
WORKDIR /home/node/app
# want: yarn-cache-not-cleaned
RUN yarn install --frozen-lockfile
RUN yarn install --production && rm -rf /home/node/.cache/yarn
