#!/bin/sh
set -e
python manage.py migrate --noinput
# Both services run this script; it is reported once.
# want: entrypoint-script-missing-exec
"$@"
