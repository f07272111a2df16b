FROM fedora:41
ARG version
RUN dnf install -y git-core-$version tomcat-9.0.1 openssl-1:1.1.1k && dnf clean all
RUN microdnf install -y gcc-c++-1.1.1 && microdnf clean all
RUN dnf -y group install "Development Tools"
RUN dnf module install -y tomcat:9
