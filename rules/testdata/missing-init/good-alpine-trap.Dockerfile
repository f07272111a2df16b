# A trap with a handler keeps ash alive as PID 1 in front of npm: that is
# the shell's finding, not this rule's.
FROM node:22-alpine
WORKDIR /app
COPY . .
CMD trap 'echo bye' TERM; npm start
