FROM debian:12-slim
ARG APP_UID=10001
RUN useradd --uid "${APP_UID}" app
USER ${APP_UID}
CMD ["/usr/local/bin/app"]
