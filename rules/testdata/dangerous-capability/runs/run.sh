#!/usr/bin/env bash
# want: dangerous-capability
docker run --cap-add SYS_ADMIN example/app
# want: dangerous-capability
docker run --cap-add=SYS_PTRACE -d example/app
# want: dangerous-capability dangerous-capability
docker run --cap-add=NET_ADMIN --cap-add SYS_MODULE example/app
# must not: harmless capabilities, or words of the command
docker run --cap-add NET_BIND_SERVICE --cap-drop ALL example/app
docker run example/app --cap-add SYS_ADMIN
