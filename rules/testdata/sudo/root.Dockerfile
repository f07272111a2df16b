FROM ubuntu:24.04
# want: sudo
RUN sudo apt-get update
# want: sudo
RUN ["sudo", "apt-get", "install", "-y", "curl"]
RUN apt-get update \
# want: sudo
 && sudo -E apt-get install -y make
