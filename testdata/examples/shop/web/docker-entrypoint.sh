#!/bin/sh
set -e

# Wait for the database, then apply migrations as the app user.
until pg_isready -h "${DB_HOST:-db}" -q; do
  sleep 1
done
su shop -c "python manage.py migrate --noinput"

"$@"
