FROM fedora:41
RUN dnf install -y tomcat && dnf clean all
RUN dnf -y group install "Development Tools"
RUN dnf group list && dnf module list
RUN microdnf install tomcat
RUN dnf makecache
