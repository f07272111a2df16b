# jenkins/jenkins runs as jenkins: sudo needs passwordless sudoers.
FROM jenkins/jenkins:lts-jdk17
# want: sudo
RUN sudo apt-get update
