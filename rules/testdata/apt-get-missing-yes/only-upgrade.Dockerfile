FROM debian:12-slim
# Upgrading a named, installed package installs nothing else: no question,
# unless the upgrade needs a new dependency, which the Dockerfile cannot tell.
RUN apt-get update && apt-get install --only-upgrade libexpat1
# want: apt-get-missing-yes
RUN apt-get update && apt-get install curl
