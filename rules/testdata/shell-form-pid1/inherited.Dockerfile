FROM node:22-slim AS base
WORKDIR /app
# The final stage inherits this CMD.
# want: shell-form-pid1
CMD npm start

FROM base AS app
COPY . .
RUN npm ci --omit=dev
