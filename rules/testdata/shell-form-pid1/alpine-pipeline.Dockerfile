# A pipeline keeps every shell alive, Alpine's too.
FROM alpine:3.21
# want: shell-form-pid1
CMD server --port 8080 | tee /var/log/server.log
