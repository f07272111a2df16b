FROM debian:12-slim
COPY vendor.tar.gz /tmp/
# want: copy-then-extract
RUN tar -xzf /tmp/vendor.tar.gz -C /opt && rm /tmp/vendor.tar.gz
COPY dist/app.tar /tmp/app.tar
RUN set -eux; \
# want: copy-then-extract
    tar xf /tmp/app.tar --directory /srv
COPY tools.txz /tmp/
RUN <<EOS
# want: copy-then-extract
tar --extract --file=/tmp/tools.txz -C /usr/local
EOS
COPY foo/bar/packaged-app.tar /foo.tar
# want: copy-then-extract
RUN tar -xf /foo.tar
