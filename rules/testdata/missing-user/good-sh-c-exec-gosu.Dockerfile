FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*
RUN useradd --uid 10001 app
CMD ["sh", "-c", "chown -R app:app /data && exec gosu app /usr/local/bin/app"]
