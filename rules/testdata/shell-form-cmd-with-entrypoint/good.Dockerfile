FROM postgres:17 AS exec-cmd
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres", "-c", "shared_buffers=256MB"]

FROM alpine:3.20 AS base
ENTRYPOINT ["/entrypoint.sh"]
# Never reaches the entrypoint: the stage below sets its own ENTRYPOINT,
# which drops this CMD.
CMD serve --port 80

FROM base AS resets
ENTRYPOINT ["/usr/local/bin/app"]

# A shell-form ENTRYPOINT is entrypoint-ignores-cmd's business.
FROM alpine:3.20 AS shell-entrypoint
ENTRYPOINT /usr/local/bin/app
CMD serve

# No ENTRYPOINT: a shell-form CMD is shell-form-pid1's business.
FROM alpine:3.20
CMD exec /usr/local/bin/app
