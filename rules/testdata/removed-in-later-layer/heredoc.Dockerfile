FROM alpine:3.20
ADD https://example.com/releases/app.tar.gz /tmp/
RUN <<EOS
set -e
tar -xzf /tmp/app.tar.gz -C /opt
# want: removed-in-later-layer
rm /tmp/app.tar.gz
EOS
