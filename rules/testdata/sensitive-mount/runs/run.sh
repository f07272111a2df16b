#!/bin/sh
# want: sensitive-mount
docker run -v /etc:/host/etc example/agent
# want: sensitive-mount
docker run --device /dev/sda example/agent
# must not
docker run -v "$HOME/.cache:/cache" -v ./data:/data example/agent
