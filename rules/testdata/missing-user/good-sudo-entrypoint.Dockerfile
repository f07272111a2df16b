# An ENTRYPOINT that starts the app through sudo -u runs it as that user.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/* && useradd --uid 10001 app
ENTRYPOINT ["sudo", "-E", "-u", "app", "/usr/local/bin/server"]
