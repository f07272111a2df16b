FROM debian:12-slim
ARG CURL_VERSION
ARG GIT_VERSION=1:2.39.5-0+deb12u1
RUN apt-get update && apt-get install -y curl=$CURL_VERSION git=${GIT_VERSION}
RUN apt-get install -y ./wkhtmltox_0.12.5-1.bionic_amd64.deb
RUN apt-get install -y $UNKNOWN_PACKAGES
RUN apt-get update && apt-get upgrade -y
RUN apt-get install -y python=1.2.2 \
      libpq5=15.8-0+deb12u1
