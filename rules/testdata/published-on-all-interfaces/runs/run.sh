#!/bin/sh
# want: published-on-all-interfaces
docker run -d -p 5432:5432 postgres:16
# want: published-on-all-interfaces
docker run --publish=6379:6379 redis
# want: published-on-all-interfaces
docker run -dp27017:27017 mongo
# must not
docker run -p 127.0.0.1:5432:5432 postgres:16
docker run -p 8080:80 nginx
docker run -p "$DB_PORT":5432 postgres:16
