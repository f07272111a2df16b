FROM debian:12-slim
RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home app
# want: numeric-user
USER app:app
CMD ["/usr/local/bin/app"]
