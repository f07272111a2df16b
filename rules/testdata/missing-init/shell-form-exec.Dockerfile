FROM node:22-slim
WORKDIR /app
COPY . .
# `exec` replaces the shell: npm is PID 1.
CMD set -e; \
    node migrate.js; \
# want: missing-init
    exec npm start
