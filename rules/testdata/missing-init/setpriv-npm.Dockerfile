FROM node:22-slim
WORKDIR /app
COPY . .
# setpriv execs npm, which becomes PID 1.
# want: missing-init
CMD ["setpriv", "--reuid", "node", "--regid", "node", "--init-groups", "npm", "start"]
