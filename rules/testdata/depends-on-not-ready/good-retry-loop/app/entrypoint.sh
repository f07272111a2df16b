#!/bin/sh
set -e
for i in $(seq 60); do
  if curl -fs http://search:9200/_cluster/health; then
    break
  fi
  sleep 2
done
exec "$@"
