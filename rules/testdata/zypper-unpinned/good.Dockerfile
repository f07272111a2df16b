FROM opensuse/leap:15.6
RUN zypper install -y tomcat=9.0.39 'curl>=8' tomcat\<9.0 tomcat-9.0.39-1.rpm && zypper clean
RUN zypper -n refresh
