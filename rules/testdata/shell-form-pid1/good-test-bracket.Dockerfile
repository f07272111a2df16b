FROM alpine:3.20
USER 1000:1000
# A shell test at the start of a shell-form CMD is not an array.
CMD [ -f /etc/app.conf ] && exec /bin/app -c /etc/app.conf || exec /bin/app
