#!/bin/sh
set -e
docker stack deploy -c docker-compose.default.yml -c docker-compose.app.yml app
