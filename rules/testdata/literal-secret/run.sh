#!/bin/sh
docker run -d --name db -e POSTGRES_PASSWORD=hunter2 postgres
