#!/bin/sh
# want: privileged
docker run --privileged example/tool
# want: privileged
docker run --privileged=true -d example/tool
# want: privileged
sudo podman run -it --privileged example/tool
# want: privileged
docker container run --rm --privileged example/tool
# want: privileged
nerdctl create --privileged example/tool
# want: privileged
docker -H tcp://build:2375 run --privileged example/tool
# want: privileged
docker run $DOCKER_OPTS --privileged example/tool
# must not: turned off again, or not a flag of docker run
docker run --privileged --privileged=false example/tool
docker run --privileged=0 example/tool
docker run example/tool --privileged
echo docker run --privileged example/tool
docker ps --privileged
docker run -e MODE=--privileged example/tool
docker run "$IMAGE" --privileged
