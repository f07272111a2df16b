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
FROM scratch
# want: copy-to-file-path
COPY a b /usr/local/bin
# want: copy-to-file-path
COPY c d /later
WORKDIR /later
