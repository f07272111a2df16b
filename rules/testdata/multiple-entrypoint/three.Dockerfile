FROM alpine:3.20 AS app
# want: multiple-entrypoint
ENTRYPOINT /bin/true
# want: multiple-entrypoint
ENTRYPOINT ["/sbin/tini", \
    "--"]
ENTRYPOINT ["/sbin/tini", "--", "/usr/local/bin/app"]
