FROM node:22-slim
WORKDIR /app
COPY . .
# The shell hands over to npm with exec: npm is PID 1.
# want: missing-init
CMD ["sh", "-c", "node migrate.js && exec npm run start:prod"]
