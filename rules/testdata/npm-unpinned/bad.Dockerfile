FROM node:22-slim
ARG TOOLS="typescript@5.6.3 eslint"
# want: npm-unpinned
RUN npm install -g $TOOLS
# want: npm-unpinned
RUN --mount=type=cache,target=/root/.npm npm install --global \
      @myorg/privatepackage
FROM node:22-slim AS build
RUN <<EOF2
# want: npm-unpinned
npm i express@latest
EOF2
# want: npm-unpinned
RUN npm install git+ssh://git@github.com:npm/npm.git
# want: npm-unpinned
RUN npm install --registry https://example.com express
