FROM debian:12-slim
RUN echo "deb http://deb.debian.org/debian bookworm main" | tee /etc/apt/sources.list
RUN yes | apt-get install git
RUN set -eo pipefail; curl -fsSL https://example.com/x | sh
RUN curl -fsSL https://example.com/x > /x && sh /x
RUN ["sh", "-c", "curl -fsSL https://example.com/x | sh"]
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/tool.tgz | tar -xz
FROM alpine:3.20
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN wget -qO- https://example.com/x | sh
