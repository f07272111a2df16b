ARG BASE=debian:12-slim
FROM ${BASE}
# want: sudo
RUN sh -c "sudo chown -R 10001 /srv"
# want: sudo
RUN set -eux; if [ -d /opt ]; then exec sudo rm -rf /opt/tmp; fi
