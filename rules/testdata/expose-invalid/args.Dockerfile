FROM alpine:3.20 AS base
ENV HTTP_PORT=8080:80

FROM base
ARG ADMIN_PORT
# ENV passes on to the stage built on base.
# want: expose-invalid
EXPOSE ${HTTP_PORT}
# Unresolved: ADMIN_PORT has no value.
EXPOSE ${ADMIN_PORT}
ARG DEBUG_PORT=99999
# want: expose-invalid
EXPOSE $DEBUG_PORT
EXPOSE 80 \
# want: expose-invalid
    80/ftp \
    443
