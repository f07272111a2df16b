#!/bin/sh
# The run of the image this script builds runs the Dockerfile above as root.
docker build -t example/api .
docker run -u 10001:10001 example/api
docker run example/api python worker.py
