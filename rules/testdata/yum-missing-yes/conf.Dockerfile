FROM centos:7
RUN echo "assumeyes=1" >> /etc/yum.conf
RUN yum install httpd
