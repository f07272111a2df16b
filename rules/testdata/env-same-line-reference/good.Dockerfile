# escape=`
FROM alpine:3.20
ENV APP_HOME=/srv/app
ENV APP_BIN=$APP_HOME/bin PATH=/opt/bin:$PATH
ENV PATH=/x:$PATH OTHER=1
ENV C=1 `
    D=2
ARG E=1 F=$E
