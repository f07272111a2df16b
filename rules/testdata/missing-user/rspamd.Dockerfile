# rspamd's main process stays root by design and runs its workers as -u:
# reported as info, saying so.
# want: missing-user
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends rspamd && rm -rf /var/lib/apt/lists/*
CMD ["/usr/bin/rspamd", "-f", "-u", "_rspamd", "-g", "_rspamd"]
