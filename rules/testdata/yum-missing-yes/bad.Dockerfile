FROM centos:7
ARG PKGS="httpd tomcat"
# want: yum-missing-yes
RUN yum install $PKGS && yum clean all
RUN --mount=type=cache,target=/var/cache/yum \
    yum makecache \
# want: yum-missing-yes
 && yum groupinstall \
      "Development Tools"
RUN <<EOF2
# want: yum-missing-yes
yum update
EOF2
