# An image dlint does not know, whose RUN uses apk: Alpine-family, so
# /bin/sh is busybox ash, which execs the command.
FROM ghcr.io/mailu/alpine:3.21.7
RUN apk add --no-cache python3
COPY start.py /start.py
CMD /start.py
