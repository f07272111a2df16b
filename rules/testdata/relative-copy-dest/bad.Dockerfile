FROM node:22-slim AS build
# want: relative-copy-dest
COPY package.json .
WORKDIR /app
COPY . .
FROM debian:12-slim AS other
WORKDIR /usr
FROM debian:12-slim
ARG DEST=lib/
# want: relative-copy-dest
COPY --from=build /app/dist ${DEST}
# want: relative-copy-dest
ADD vendor.tar.gz "vendor"
