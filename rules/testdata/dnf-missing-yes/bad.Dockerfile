FROM fedora:41
# want: dnf-missing-yes
RUN dnf install tomcat && dnf clean all
# want: dnf-missing-yes
RUN dnf group install "Development Tools"
FROM fedora:41 AS build
RUN <<EOF2
# want: dnf-missing-yes
dnf module enable nodejs:20
EOF2
# want: dnf-missing-yes
RUN dnf in mariadb
