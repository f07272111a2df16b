FROM centos:7
RUN yum install -y httpd && yum clean all
RUN --mount=type=cache,target=/var/cache/yum yum install -y git
RUN yum install -y git && rm -rf /var/cache/yum
RUN yum install -y git && rm -rf /var/cache/*
RUN yum install -y git && dnf clean all
RUN yum makecache
