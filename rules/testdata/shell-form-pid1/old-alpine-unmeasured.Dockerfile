# busybox before 1.35 (Alpine before 3.16) was not measured: no claim
# that the shell hands over; the hedged warning stays.
FROM node:14.17.3-alpine3.14
# want: shell-form-pid1
CMD node server.js
