#!/bin/sh
# want: security-opt-unconfined
docker run --security-opt seccomp=unconfined example/app
# want: security-opt-unconfined
docker run --security-opt=apparmor=unconfined example/app
# must not
docker run --security-opt no-new-privileges example/app
