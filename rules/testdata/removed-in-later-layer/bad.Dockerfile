# syntax=docker/dockerfile:1
FROM debian:12-slim
WORKDIR /opt
COPY deploy.key /tmp/deploy.key
RUN ./fetch-private-deps.sh /tmp/deploy.key
# want: removed-in-later-layer
RUN rm /tmp/deploy.key
RUN curl -fsSL https://example.com/tool-1.2.tgz -o tool.tgz \
 && tar -xzf tool.tgz
RUN wget -q https://example.com/dist/data.zip
RUN curl -fsSLO https://example.com/pkg/installer.run && sh installer.run
# Continuation lines and a directory above the file.
RUN set -e; \
    # want: removed-in-later-layer
    rm -f /opt/tool.tgz \
    # want: removed-in-later-layer removed-in-later-layer
          /opt/*.zip /opt/installer.run
