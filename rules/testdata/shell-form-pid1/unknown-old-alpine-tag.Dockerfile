# An -alpine3.12 tag names an Alpine whose busybox was not measured: the
# finding stays, hedged.
FROM acme/cache:2-alpine3.12
# want: shell-form-pid1
CMD cd /data && cache-server --port 6379
