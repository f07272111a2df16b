FROM node:22-slim
RUN yarn install --frozen-lockfile
RUN yarn add express@4.21.2 lodash@^4.17.0
RUN yarn global add serve@14.2.4
RUN pnpm install --frozen-lockfile
RUN pnpm add -g typescript@5.6.3 ./local-pkg user/repo#v1.0.0
RUN yarn build && pnpm run test
