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
