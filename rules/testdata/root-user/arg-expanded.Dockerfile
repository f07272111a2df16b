ARG BASE=debian:12-slim
FROM ${BASE}
ARG APP_UID=0
ENV RUN_AS=${APP_UID}:0
# want: root-user
USER ${RUN_AS}
ENTRYPOINT ["/app"]
