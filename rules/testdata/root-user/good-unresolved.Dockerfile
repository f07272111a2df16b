FROM alpine:3.20
ARG APP_UID
USER ${APP_UID}
CMD ["/app"]
