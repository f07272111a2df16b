FROM node:22-slim
WORKDIR /app
COPY . .
# nice and nohup exec their program: npm is PID 1.
# want: missing-init
CMD ["nohup", "nice", "-n", "5", "npm", "start"]
