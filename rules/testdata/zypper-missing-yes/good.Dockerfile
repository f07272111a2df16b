FROM opensuse/leap:15.6
RUN zypper -n install tomcat && zypper clean
RUN zypper --non-interactive in curl
RUN zypper install -y curl && zypper in --no-confirm git
RUN zypper refresh && zypper search curl
