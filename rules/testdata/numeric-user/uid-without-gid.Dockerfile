FROM debian:12-slim
RUN useradd -u 10001 app
# The UID is fixed, the group's GID is not.
# want: numeric-user
USER app:app
ENTRYPOINT ["/usr/local/bin/app"]
