#!/bin/sh
# want: invalid-port
docker run -p 99999:80 nginx
# want: invalid-port
docker run -p 80:80/tcpx nginx
# must not
docker run -p 8080:80 -p "${PORT}:80" nginx
