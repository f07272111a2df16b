#!/bin/sh
# want: host-namespace
docker run --network host example/app
# want: host-namespace
docker run --net=host example/app
# want: host-namespace host-namespace
docker run --pid=host --ipc host example/app
# want: host-namespace
podman run --userns=host example/app
# must not
docker run --network backend --pid container:web example/app
docker run --network "$NET" example/app
