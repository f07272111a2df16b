ARG BASE=debian:11-slim
FROM ${BASE}
ARG APP_UID=1000000
ENV APP_HOME=/srv/app
ARG EMPTY=
# want: useradd-large-uid
RUN useradd -u ${APP_UID} -d "$APP_HOME" app
# want: useradd-large-uid
RUN useradd --uid="${APP_UID}" app2
# want: useradd-large-uid
RUN useradd -u ${EMPTY:-4000000} app3
ARG APP_UID=10001
# A later ARG applies to the RUNs after it.
RUN useradd -u ${APP_UID} app4
