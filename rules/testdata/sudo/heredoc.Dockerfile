FROM alpine:3.20 AS build
RUN adduser -D -u 10001 builder
USER builder
RUN <<EOS
set -e
./configure
# want: sudo
sudo make install
EOS
