FROM debian:12-slim
# want: wget-without-progress
RUN wget https://example.com/tool.tar.gz
ARG URL=https://example.com/x
RUN set -eux; \
# want: wget-without-progress
    wget -O /tmp/x.tgz "$URL"; \
    tar -xzf /tmp/x.tgz
RUN <<EOS
# want: wget-without-progress
wget -c https://example.com/big.iso
EOS
