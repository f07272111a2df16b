FROM opensuse/leap:15.6
ARG PKGS="tomcat=9.0.39 curl"
# want: zypper-unpinned
RUN zypper install -y $PKGS && zypper clean
# want: zypper-unpinned
RUN zypper -n in \
      tomcat
