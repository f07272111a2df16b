# A container that installs the dependencies and exits runs no app to stop.
FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
CMD ["npm", "ci", "--omit=dev"]
