#!/bin/bash
set -e
cat > /etc/nginx/conf.d/default.conf <<EOF
server {
  listen ${PORT:-80};
  root /usr/share/nginx/html;
}
EOF
exec "$@" \
  # trailing comment
