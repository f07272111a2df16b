#!/bin/sh
# want: privileged-host-port
docker run -d -p 80:80 caddy:2
# must not
docker run -d -p 8080:80 caddy:2
