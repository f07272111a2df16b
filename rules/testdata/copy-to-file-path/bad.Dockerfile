ARG CONF=/etc/app
FROM alpine:3.20 AS build
# want: copy-to-file-path
COPY a.conf b.conf /etc/app
ADD one two \
# want: copy-to-file-path
    /opt/dest
FROM build
WORKDIR /srv
# want: copy-to-file-path
COPY ["x", "y", "/srv/other"]
