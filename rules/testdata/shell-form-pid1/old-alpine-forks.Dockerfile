# busybox before 1.28 (Alpine before 3.8) forks for the last command of
# sh -c: no claim that the shell hands over; the hedged warning stays.
FROM node:8.9.4-alpine3.6
# want: shell-form-pid1
CMD node server.js
