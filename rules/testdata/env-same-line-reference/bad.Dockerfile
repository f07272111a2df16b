FROM alpine:3.20 AS base
# want: env-same-line-reference
ENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin
FROM base
ENV A=1 \
# want: env-same-line-reference
    B=${A}-x
