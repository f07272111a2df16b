#!/bin/sh
set -e
python manage.py migrate --noinput
# want: entrypoint-script-missing-exec
"$@"
