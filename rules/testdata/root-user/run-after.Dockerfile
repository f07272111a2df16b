FROM debian:12-slim
RUN useradd --uid 10001 app
# The RUN below needs root: `USER 10001:10001` here would fail the build,
# so the finding comes without a fix.
# want: root-user
USER root
RUN apt-get update && apt-get install -y --no-install-recommends curl
CMD ["curl", "--version"]
