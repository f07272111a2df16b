# The same through an exec-form `sh -c` on Alpine: the last command is
# exec'd implicitly after the migration has run.
FROM node:22-alpine
WORKDIR /app
COPY . .
# want: missing-init
CMD ["sh", "-c", "node migrate.js && npm run start:prod"]
