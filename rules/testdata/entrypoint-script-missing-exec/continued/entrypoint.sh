#!/bin/sh
set -e
# want: entrypoint-script-missing-exec
gunicorn \
  --workers 4 \
  --bind 0.0.0.0:8000 \
  app:wsgi
