FROM debian:12-slim AS base
# A later stage builds on this one and RUNs as this USER: no fix.
# want: root-user
USER root

FROM base AS app
RUN apt-get update && apt-get install -y --no-install-recommends curl
CMD ["curl", "--version"]
