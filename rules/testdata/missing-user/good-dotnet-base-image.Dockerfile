# A Dockerfile that builds a base image on .NET's (which sets no CMD, so
# the OS's shell runs) runs no application: images built on it choose
# the user.
FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine
COPY certs /usr/local/share/ca-certificates/
ENV DOTNET_VERSION=8.0.11
