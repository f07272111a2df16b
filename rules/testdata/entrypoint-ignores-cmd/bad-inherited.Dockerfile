FROM alpine:3.20 AS base
# want: entrypoint-ignores-cmd
ENTRYPOINT cd /srv && exec ./server

FROM base
COPY server /srv/server
CMD ["--port", "8080"]
