FROM node:22-slim
COPY --chown=node:node . /app
# runs as root: the chown is not about the running user
