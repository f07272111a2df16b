FROM debian:12-slim
ARG APP_USER=svc
RUN useradd -r -u 999 "$APP_USER"
# want: numeric-user
USER ${APP_USER}
CMD ["/usr/local/bin/svc"]
