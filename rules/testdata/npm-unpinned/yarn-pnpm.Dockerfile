FROM node:22-slim
# want: npm-unpinned
RUN yarn add express
# want: npm-unpinned
RUN yarn global add serve@latest
# want: npm-unpinned
RUN pnpm add -g typescript
# want: npm-unpinned
RUN pnpm add --save-dev vitest user/repo
