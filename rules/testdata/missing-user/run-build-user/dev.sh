#!/bin/sh
# Its only run sets --user: the Dockerfile is checked with that view, not
# as a container of its own that runs as root.
docker build -t example/api .
docker run --user 10001:10001 example/api
