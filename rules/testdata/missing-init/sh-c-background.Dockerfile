FROM python:3.13-slim
RUN apt-get update && apt-get install -y --no-install-recommends cron && rm -rf /var/lib/apt/lists/*
COPY . /srv
# want: missing-init
ENTRYPOINT ["sh", "-c", "cron -f & exec gunicorn app:wsgi"]
