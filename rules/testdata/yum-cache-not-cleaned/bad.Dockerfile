FROM centos:7 AS build
RUN yum install -y gcc
FROM centos:7
ARG PKGS="httpd tomcat"
# want: yum-cache-not-cleaned
RUN yum install -y $PKGS
RUN --mount=type=cache,target=/var/cache/apt \
    yum makecache \
# want: yum-cache-not-cleaned
 && yum install -y \
      tomcat
RUN <<EOF2
# want: yum-cache-not-cleaned
yum -y groupinstall "Development Tools"
yum clean packages
EOF2
# want: yum-cache-not-cleaned
RUN yum clean all && yum install -y git
# want: yum-cache-not-cleaned
RUN yum -y update
