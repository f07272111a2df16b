#!/bin/sh
# must not: a script's runs need not run at the same time
docker run -d --name a -p 8080:80 nginx
docker rm -f a
docker run -d --name b -p 8080:80 nginx
