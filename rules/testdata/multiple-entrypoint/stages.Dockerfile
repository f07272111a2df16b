# A stage may replace the ENTRYPOINT of the stage it builds on.
FROM alpine:3.20 AS base
ENTRYPOINT ["/usr/local/bin/base-entrypoint"]

FROM base
ONBUILD ENTRYPOINT ["/onbuild"]
ENTRYPOINT ["/usr/local/bin/app"]
