FROM debian:12-slim
WORKDIR /opt
# Downloaded, used and removed in one RUN: nothing stays.
RUN curl -fsSL https://example.com/tool.tgz -o /tmp/tool.tgz \
 && tar -xzf /tmp/tool.tgz -C /opt \
 && rm /tmp/tool.tgz
RUN rm -rf /tmp/* /var/lib/apt/lists/*
# After cd, a relative path is unknown.
RUN wget https://example.com/a.tgz
RUN cd /srv && rm a.tgz
# Removing what the base image ships is not this rule's business.
RUN rm -f /etc/motd
