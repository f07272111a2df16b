FROM debian:12-slim
# want: apt-in-run apt-in-run
RUN apt update && apt install -y curl
RUN --mount=type=cache,target=/var/cache/apt \
# want: apt-in-run
    sudo apt upgrade -y
RUN <<EOF
set -e
# want: apt-in-run
apt full-upgrade -y
EOF
