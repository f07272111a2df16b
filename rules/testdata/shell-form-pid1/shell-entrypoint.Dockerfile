FROM debian:bookworm-slim
COPY app /usr/local/bin/app
# want: shell-form-pid1
ENTRYPOINT /usr/local/bin/app --config /etc/app.yaml
