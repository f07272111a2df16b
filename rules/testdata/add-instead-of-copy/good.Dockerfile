FROM alpine:3.20
ADD rootfs.tar.xz /
ADD https://example.com/tool.tgz /tmp/
ADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://example.com/x /x
ADD git@github.com:acme/repo.git /src
ARG URL
ADD ${URL} /tmp/
COPY requirements.txt /app/
ADD <<EOF /etc/motd
hello
EOF
