FROM debian:12-slim
RUN useradd --uid 10001 app
# want: root-user
USER root
CMD ["/usr/local/bin/app"]
