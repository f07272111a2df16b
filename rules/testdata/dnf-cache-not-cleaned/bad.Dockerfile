FROM fedora:41 AS build
RUN dnf install -y gcc
FROM fedora:41
ARG PKGS="httpd tomcat"
# want: dnf-cache-not-cleaned
RUN dnf install -y $PKGS
RUN <<EOF2
# want: dnf-cache-not-cleaned
microdnf install -y tomcat
EOF2
# want: dnf-cache-not-cleaned
RUN --mount=type=cache,target=/tmp dnf install \
      -y git
# want: dnf-cache-not-cleaned
RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4
