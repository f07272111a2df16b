#!/bin/sh
# want: root-user
docker run -u 0 example/app
# want: root-user
docker run --user root example/app
# want: root-user
docker run -u0:0 example/app
# want: root-user
docker run --rm -itu root example/app
# must not
docker run -u 10001:10001 example/app
docker run --user "$(id -u):$(id -g)" example/app
docker run example/app -u 0
# A job started as root to install the system's packages needs root.
docker run --rm --user 0:0 -v "$PWD:/src" debian:12 sh -c 'apt-get update && apt-get install -y binutils && strings /src/app'
docker run --rm -u root alpine:3.21 apk add --no-cache curl
# A detached service that installs packages as it starts is still a service.
# want: root-user
docker run -d -u 0 debian:12 sh -c 'apt-get install -y nginx && nginx -g "daemon off;"'
# A job that installs only Python packages does not need root for it.
# want: root-user
docker run --rm -u 0 python:3.13 pip install --user httpie
