FROM alpine:3.20
COPY app /usr/local/bin/app
# want: entrypoint-ignores-cmd
ENTRYPOINT /usr/local/bin/app --config /etc/app.yaml
CMD ["--verbose"]
