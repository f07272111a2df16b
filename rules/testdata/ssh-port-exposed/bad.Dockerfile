FROM debian:12-slim
# want: ssh-port-exposed
EXPOSE 22
ARG SSH_PORT=22
# want: ssh-port-exposed
EXPOSE 8080 ${SSH_PORT}/tcp
# want: ssh-port-exposed
EXPOSE 20-25
