FROM ubuntu:22.04
ARG NO_DEFAULT
RUN useradd -l -u 123456 a1
RUN useradd --no-log-init --uid 1000000 a2
RUN useradd -lmu 1000000 a3
RUN useradd -mlu 1000000 a4
RUN useradd -u 1000000 -ml a5
RUN useradd --no-log -u 1000000 a6
RUN useradd -u 1000000 a7 --no-log-init
RUN useradd -u 10001 a8
RUN useradd -u 99999 a9
RUN useradd -r -m a10
RUN adduser --uid 1000000 --disabled-password a11
RUN adduser -D -u 1000000 a12
RUN useradd -u ${NO_DEFAULT} a13
RUN useradd -u ${UNSET_ANYWHERE:-1000000} a14
RUN useradd -u "$(id -u nobody)000000" a15
RUN echo useradd -u 1000000 a16
RUN useradd $USERADD_OPTS -u 1000000 a17
RUN useradd -c "-u 1000000" a18
RUN useradd -d /home/x -- -u 1000000
RUN useradd -D -b /home
RUN ["echo", "useradd", "-u", "1000000"]
# hadolint ignore=DL3046
RUN useradd -u 1000000 silenced
RUN useradd -$LOG_FLAG -u 1000000 unknown-flags
