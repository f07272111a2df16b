FROM alpine:3.20
ARG GIT_VERSION
RUN apk add --no-cache git=$GIT_VERSION git~2.45 flex=2.6.4-r6 'musl>1.2' ./local-1.0.apk
RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0
RUN apk update && apk upgrade
RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing hub=2.14.2-r27
