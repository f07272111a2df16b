FROM ubuntu:24.04
RUN <<EOS
set -e
useradd --uid=2000 --create-home worker
EOS
# want: numeric-user
USER worker
CMD ["worker"]
