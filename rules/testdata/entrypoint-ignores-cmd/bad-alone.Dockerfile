FROM alpine:3.20
COPY app /usr/local/bin/app
# `docker run image --debug` is ignored too.
# want: entrypoint-ignores-cmd
ENTRYPOINT exec /usr/local/bin/app \
    # the flags
    --config /etc/app.yaml
