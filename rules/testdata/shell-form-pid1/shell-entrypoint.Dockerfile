FROM alpine:3.20
COPY app /usr/local/bin/app
# want: shell-form-pid1
ENTRYPOINT /usr/local/bin/app --config /etc/app.yaml
