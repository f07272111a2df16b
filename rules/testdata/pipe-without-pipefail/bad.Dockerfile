FROM debian:12-slim
# want: pipe-without-pipefail
RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin
RUN set -e \
# want: pipe-without-pipefail
 && wget -qO- https://example.com/key | gpg --dearmor > /k.gpg \
 && set -o pipefail
FROM alpine:3.20
SHELL ["/bin/ash", "-c"]
# want: pipe-without-pipefail
RUN cat /etc/os-release | grep VERSION | cut -d= -f2
