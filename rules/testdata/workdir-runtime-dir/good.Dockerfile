FROM alpine:3.20
WORKDIR /app
WORKDIR /srv/proc
WORKDIR /devices
WORKDIR /usr/local/sys
ARG DIR
WORKDIR $DIR
