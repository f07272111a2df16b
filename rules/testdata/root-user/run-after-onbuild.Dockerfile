FROM debian:12-slim
# Images built FROM this one RUN their ONBUILD step as this USER: no fix.
# want: root-user
USER root
ONBUILD RUN apt-get update
CMD ["/app"]
