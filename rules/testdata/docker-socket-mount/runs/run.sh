#!/bin/sh
# want: docker-socket-mount
docker run -v /var/run/docker.sock:/var/run/docker.sock example/ci
# want: docker-socket-mount
docker run --volume=/var/run/docker.sock:/var/run/docker.sock:ro example/ci
# want: docker-socket-mount
docker run -itv /run/docker.sock:/var/run/docker.sock example/ci
# want: docker-socket-mount
docker run --mount type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock example/ci
# must not
docker run -v "$PWD":/src -v data:/data example/ci
docker run example/ci -v /var/run/docker.sock:/var/run/docker.sock
