# Every leaf stage may be built as a target; none of them leaves a shell as PID 1.
FROM alpine:3.20 AS shell-exec
CMD exec /usr/local/bin/app --flag

FROM alpine:3.20 AS sh-c-exec
CMD ["sh", "-c", "./migrate && exec ./server \"$@\"", "--"]

FROM alpine:3.20 AS exec-in-both-branches
CMD if [ -n "$DEBUG" ]; then exec app --debug; else exec app; fi

FROM alpine:3.20 AS supervisor
CMD ["sh", "-c", "trap 'kill -TERM $web $worker' TERM INT; web & web=$!; worker & worker=$!; wait"]

FROM alpine:3.20 AS only-prints
CMD echo "run this image with a command, e.g. docker run img app"

FROM alpine:3.20 AS exec-gosu
CMD ["bash", "-c", "chown -R app /data && exec gosu app \"$0\" \"$@\"", "server"]

FROM alpine:3.20 AS heredoc-run
RUN <<EOF
set -eu
apk add --no-cache curl
EOF
CMD ["/usr/local/bin/app"]

FROM alpine:3.20
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["--help"]
