FROM debian:12-slim AS base
WORKDIR /usr
FROM base
COPY foo bar
FROM debian:12-slim
COPY bla.sh /usr/local/bin/blubb.sh
COPY bla.sh "/usr/local/bin/blubb.sh"
ARG UNSET
COPY src.sh ${UNSET}
COPY <<EOF /etc/app.conf
key=value
EOF
FROM scratch
COPY app app
FROM debian:12-slim
COPY bla.sh c:\system32\blubb.sh
