FROM centos:7
ARG PKGS="httpd-2.4.6 java-11-openjdk"
# want: yum-unpinned
RUN yum install -y $PKGS && yum clean all
# want: yum-unpinned
RUN --mount=type=cache,target=/var/cache/yum yum install -y \
      tomcat
# want: yum-unpinned
RUN yum module install -y tomcat && yum clean all
