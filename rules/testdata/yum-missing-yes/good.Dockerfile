FROM centos:7
RUN yum install -y httpd && yum clean all
RUN yum -y install httpd
RUN yum --assumeyes update
RUN yum -qy install git
RUN yes | yum install git
RUN yum makecache && yum list installed && yum clean all
RUN microdnf install git
# With no package to install, yum stops with an error; it asks nothing.
RUN yum install || true
