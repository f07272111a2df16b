FROM nginx:1.27
ARG PORTS="80 443/udp"
ARG EXTRA
EXPOSE 80 443/tcp 53/udp 9/sctp
EXPOSE 8000-8010
# Docker accepts an upper-case protocol.
EXPOSE 443/TCP
# A variable may hold several ports.
EXPOSE $PORTS
# Variables without a value are left alone.
EXPOSE ${EXTRA} ${UNDEFINED}/udp
EXPOSE ${HTTPS_PORT:-8443}
