# Creating a user is not enough: nothing switches to it.
# want: missing-user
FROM debian:12-slim
RUN <<EOS
set -e
useradd --uid 10001 app
EOS
CMD ["/usr/local/bin/app"]
