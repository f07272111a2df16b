FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*
RUN useradd --uid 10001 app
# In RUN a drop without exec is just a step.
RUN gosu app true && gosu nobody true
# want: privilege-drop-without-exec
CMD ["sh", "-c", "chown -R app:app /data && gosu app /usr/local/bin/server"]

FROM debian:12-slim AS shell-form
RUN useradd --uid 10001 app
# want: privilege-drop-without-exec
CMD setpriv --reuid=10001 --regid=10001 --init-groups /usr/local/bin/server

FROM debian:12-slim AS chroot
# want: privilege-drop-without-exec
ENTRYPOINT chroot --userspec=10001:10001 / /usr/local/bin/server

FROM debian:12-slim AS continued
RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*
# want: privilege-drop-without-exec
ENTRYPOINT ["/bin/sh", "-ec", "mkdir -p /data; \
  chown 10001 /data; \
  gosu 10001 /usr/local/bin/server"]
