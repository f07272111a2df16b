FROM debian:12-slim
ARG PKGS="curl git"
# want: apt-get-missing-yes
RUN apt-get update && apt-get install $PKGS
RUN --mount=type=cache,target=/var/cache/apt \
    apt-get update \
# want: apt-get-missing-yes
 && DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends \
      ca-certificates
RUN <<EOF
set -e
# want: apt-get-missing-yes
apt-get -q install curl
EOF
