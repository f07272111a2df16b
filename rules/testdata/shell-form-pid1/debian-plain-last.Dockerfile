# Debian's dash never execs: the shell stays PID 1.
FROM node:22-bookworm-slim
# want: shell-form-pid1
CMD node server.js
