ARG DEST=/etc/app
FROM alpine:3.20
WORKDIR /app
COPY package.json package-lock.json ./
COPY a b .
COPY a b /app
COPY a b /etc/app/
COPY a b ${DEST}
COPY one /etc/one
COPY <<EOF <<EOT /etc/
x
EOF
y
EOT
COPY a b /usr/local/bin
COPY x/ /opt/tools/
COPY c d /opt/tools
WORKDIR /srv/www
WORKDIR /
COPY e f /srv/www
# BuildKit removes the quotes: the destination is baz/, a directory.
COPY foo bar "baz/"
# An unbalanced quote fails the build; no file is copied over another.
COPY "C:\Program Files\Foo" /dest
