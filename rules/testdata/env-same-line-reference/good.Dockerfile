# escape=`
FROM alpine:3.20
ENV APP_HOME=/srv/app
ENV APP_BIN=$APP_HOME/bin PATH=/opt/bin:$PATH
ENV PATH=/x:$PATH OTHER=1
ENV C=1 `
    D=2
ARG E=1 F=$E
# Re-exporting an ARG as itself changes nothing: its value before the
# line is its value after.
ARG ZBX_VERSION=7.0
ENV ZBX_VERSION=${ZBX_VERSION} GIT_BRANCH=${GIT_BRANCH:-$ZBX_VERSION}
