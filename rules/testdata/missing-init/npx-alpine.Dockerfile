# npx runs the binary through `sh -c`; busybox execs it, so the app gets
# the signal: information.
FROM node:22-alpine
WORKDIR /app
COPY . .
USER node
# want: missing-init
CMD ["npx", "serve", "dist"]
