# The stop signal of the stage built on is the one the shell ignores.
FROM debian:bookworm-slim AS web
RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*
STOPSIGNAL SIGQUIT

FROM web
# want: shell-form-pid1
CMD nginx -t && nginx -g 'daemon off;'
