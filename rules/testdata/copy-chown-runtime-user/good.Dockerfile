FROM node:22-slim AS build
COPY --chown=node:node . /src
FROM node:22-slim
COPY --from=build /src/dist /app
COPY --chown=root:root config /etc/app/
COPY --chown=www-data:www-data static /srv/static
USER node
