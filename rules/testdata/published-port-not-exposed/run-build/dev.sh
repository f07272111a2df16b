#!/bin/sh
docker build --tag example/web:dev .
# want: published-port-not-exposed
docker run --init -p 8080:8080 example/web:dev
docker run --init -p 3000:3000 example/web:dev
# Another image: its EXPOSE is not this Dockerfile's.
docker run -p 8080:8080 example/web:prod
