FROM alpine:3.20
LABEL org.valid-key.label3="foo" validlabel=foo
LABEL "org.opencontainers.image.source"="https://github.com/acme/app"
ARG KEY
LABEL ${KEY}=x
LABEL maintainer team@example.com
