FROM opensuse/leap:15.6
# want: zypper-missing-yes
RUN zypper install tomcat && zypper clean
# want: zypper-missing-yes
RUN zypper --gpg-auto-import-keys ref && zypper in \
      curl
