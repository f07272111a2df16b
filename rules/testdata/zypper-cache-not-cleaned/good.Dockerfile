FROM opensuse/leap:15.6
RUN zypper install -y tomcat && zypper clean
RUN zypper -n in curl && zypper cc -a
RUN --mount=type=cache,target=/var/cache/zypp zypper -n in git
RUN zypper -n in git && rm -rf /var/cache/zypp/*
