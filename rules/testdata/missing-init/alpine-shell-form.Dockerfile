# Busybox ash, Alpine's /bin/sh, execs the last command of a -c string
# itself: npm, not the shell, is PID 1.
FROM node:22-alpine
WORKDIR /app
COPY . .
# want: missing-init
CMD npm start
