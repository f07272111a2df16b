FROM debian:12 AS build
RUN apt-get update && \
    # a comment line inside is fine
    apt-get install -y curl
RUN <<EOF
set -e

echo blank lines in a heredoc are content
EOF

FROM build
CMD ["sh"]
