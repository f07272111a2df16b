FROM opensuse/leap:15.6 AS build
RUN zypper install -y gcc
FROM opensuse/leap:15.6
ARG PKGS="tomcat curl"
# want: zypper-cache-not-cleaned
RUN zypper install -y $PKGS
# want: zypper-cache-not-cleaned
RUN zypper -n in \
      curl
