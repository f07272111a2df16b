FROM debian:12-slim
# want: dist-upgrade
RUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*
FROM opensuse/tumbleweed
RUN <<EOF2
# want: dist-upgrade
zypper -n dup
EOF2
