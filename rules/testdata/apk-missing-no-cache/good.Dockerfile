FROM alpine:3.20
RUN apk add --no-cache curl
RUN --mount=type=cache,target=/var/cache/apk apk add git
RUN --mount=type=cache,target=/etc/apk/cache apk add git
RUN apk update && apk add git && rm -rf /var/cache/apk/*
RUN apk add tzdata && rm -rf /var/cache/*
RUN apk --no-cache add bash
RUN apk add --no-network --virtual .rundeps $runDeps
RUN apk add --simulate curl
