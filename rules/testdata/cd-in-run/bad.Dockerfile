FROM node:22-slim AS build
COPY . /app
# want: cd-in-run
RUN cd /app && npm ci && cd / && npm cache clean --force
ARG SRC=/src
RUN set -eux; \
# want: cd-in-run
    cd "$SRC"; \
    make
RUN <<EOS
set -e
# want: cd-in-run
cd /app
npm run build
EOS
FROM build
# want: cd-in-run
ONBUILD RUN cd /app && npm ci
