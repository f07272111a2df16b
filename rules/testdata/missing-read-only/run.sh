#!/bin/sh
# docker run lines are not compose files: their model holds only the options dlint reads.
docker run -d --read-only --name app example/app
