FROM alpine:3.20
LABEL org.opencontainers.image.source="https://github.com/acme/app"
ARG VERSION=2.0.0-rc.1+build.5
LABEL org.opencontainers.image.version=${VERSION}
LABEL org.opencontainers.image.created="2021-03-10T10:26:33.564595127+01:00"
LABEL org.opencontainers.image.licenses="(Apache-2.0 OR MIT) AND GPL-2.0-only WITH Classpath-exception-2.0"
LABEL org.opencontainers.image.revision=2dbfae9 other=anything
LABEL org.opencontainers.image.authors=abcd@google.com
LABEL org.opencontainers.image.title="any text"
ARG REV
LABEL org.opencontainers.image.revision=$REV
LABEL org.opencontainers.image.authors="Jessie Frazelle <jess@linux.com>"
