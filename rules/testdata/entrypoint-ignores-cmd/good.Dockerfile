FROM alpine:3.20 AS reads-args
# Reads its positional parameters on purpose.
ENTRYPOINT exec /usr/local/bin/app "$@"
CMD ["--verbose"]

FROM alpine:3.20 AS base
ENTRYPOINT /usr/local/bin/old
FROM base AS replaced
# The exec-form ENTRYPOINT replaces the inherited shell-form one.
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["--verbose"]

FROM alpine:3.20
ENTRYPOINT ["sh", "-c", "exec /usr/local/bin/app \"$@\"", "--"]
CMD ["--verbose"]
