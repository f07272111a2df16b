# Alpine 3.13's busybox 1.32 execs the last command of sh -c, as 1.28
# and later do (1.30.1 and 1.35 measured): ./app is PID 1.
FROM alpine:3.13
COPY app /app
CMD ./app
