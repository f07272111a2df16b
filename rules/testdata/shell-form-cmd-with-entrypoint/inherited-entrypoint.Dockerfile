FROM python:3.13-slim AS base
COPY entrypoint.sh /usr/local/bin/
ENTRYPOINT ["entrypoint.sh"]

FROM base AS app
COPY . /srv
# The CMD meets the ENTRYPOINT inherited from base.
# want: shell-form-cmd-with-entrypoint
CMD gunicorn --bind 0.0.0.0:8000 \
    app:wsgi
