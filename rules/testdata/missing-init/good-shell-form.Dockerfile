# The shell stays PID 1 in front of npm: that is shell-form-pid1's finding,
# not this rule's.
FROM node:22-slim
WORKDIR /app
COPY . .
CMD npm start
