FROM ubuntu:22.04 AS build
# A build stage's layers are still written and cached on every build.
# want: useradd-large-uid
RUN useradd -u 1000000 builder
USER builder
RUN echo build

FROM ubuntu:22.04 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && groupadd -g 1000000 app \
 && useradd \
      -g app \
# want: useradd-large-uid
      -u 1000000 \
      app \
 && rm -rf /var/lib/apt/lists/*
USER 1000000
