FROM node:22-slim
RUN --network=none npm test
RUN --network=default npm ci
RUN echo "--network=host"
