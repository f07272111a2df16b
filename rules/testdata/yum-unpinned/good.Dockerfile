FROM centos:7
ARG version
RUN yum -y install git-core-$version git-core-${version} && yum clean all
RUN yum install -y gcc-c++-1.1.1 openssl-1:1.1.1k rpm-sign-4.16.1.3 java-11-openjdk-11.0.25 && yum clean all
RUN yum install -y https://example.com/epel-release-7.noarch.rpm ./local.rpm @development
RUN yum module install -y tomcat:9 && yum clean all
RUN yum update -y
