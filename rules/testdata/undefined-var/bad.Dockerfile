ARG APP_DIR=out
FROM scratch AS base
# want: undefined-var
COPY ${APP_DIR}/server /server
ARG OUT
COPY $OUT/x /x
# want: undefined-var
ENV A=1 B=$A
# want: undefined-var
WORKDIR /srv/$TARGETARCH
FROM base
# want: undefined-var
USER ${APP_USER}:1000
ENV HOME_DIR=$B
# want: undefined-var
LABEL org.opencontainers.image.version=$VERSION
