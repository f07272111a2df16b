FROM node:22-slim AS base
# want: copy-chown-runtime-user
COPY --chown=node:node package.json /app/
FROM base
ARG APP_USER=node
# want: copy-chown-runtime-user
COPY --chown=${APP_USER} . /app
# dlint cannot tell a data directory from code: reported too (the rule is strict)
# want: copy-chown-runtime-user
ADD --chown=node data.tar /app/data/
USER node
