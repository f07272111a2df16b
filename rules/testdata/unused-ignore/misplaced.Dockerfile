FROM debian:12-slim
RUN useradd --uid 10001 app
USER root
CMD ["/usr/local/bin/app"]
# A comment below the last instruction is above nothing.
# dlint ignore=root-user want: unused-ignore
