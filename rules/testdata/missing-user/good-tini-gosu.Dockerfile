FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini gosu && rm -rf /var/lib/apt/lists/*
RUN useradd --uid 10001 app
ENTRYPOINT ["/usr/bin/tini", "--", "gosu", "app"]
CMD ["/usr/local/bin/app"]
