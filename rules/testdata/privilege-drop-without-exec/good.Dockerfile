FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*
RUN useradd --uid 10001 app
# exec-form: gosu is PID 1 and execs the server.
ENTRYPOINT ["gosu", "app"]
CMD ["/usr/local/bin/server"]

FROM debian:12-slim AS sh-c
RUN useradd --uid 10001 app
CMD ["sh", "-c", "chown -R app /data && exec gosu app /usr/local/bin/server"]

FROM debian:12-slim AS background
# A drop in the background with a supervising shell is deliberate.
CMD ["sh", "-c", "gosu app /usr/local/bin/worker & gosu app /usr/local/bin/server & wait"]
