FROM debian:12-slim
# want: add-url-without-checksum
ADD https://example.com/big.tar.xz /usr/src/things/
ARG VERSION=1.2
ARG URL=https://example.com/tool-${VERSION}.tar.gz
# want: add-url-without-checksum
ADD ${URL} /tmp/
# want: add-url-without-checksum
ADD --chmod=755 http://example.com/run.sh /usr/local/bin/run
