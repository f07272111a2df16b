# An -alpine3.6 tag names an Alpine whose busybox (before 1.28) forks: the
# finding stays, hedged.
FROM acme/cache:2-alpine3.6
# want: shell-form-pid1
CMD cd /data && cache-server --port 6379
