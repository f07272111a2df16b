FROM fedora:41
# want: dnf-unpinned
RUN dnf install -y rpm-sign && dnf clean all
RUN <<EOF2
# want: dnf-unpinned
microdnf install -y tomcat
EOF2
# want: dnf-unpinned
RUN dnf module install -y nodejs
