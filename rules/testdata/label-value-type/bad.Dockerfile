FROM alpine:3.20
# want: label-value-type
LABEL org.opencontainers.image.source="github.com/acme/app"
ARG VERSION=v1.2
# want: label-value-type
LABEL org.opencontainers.image.version=${VERSION}
# want: label-value-type
LABEL org.opencontainers.image.created="yesterday"
# want: label-value-type
LABEL org.opencontainers.image.licenses="not spdx"
# want: label-value-type
LABEL org.opencontainers.image.revision=not-a-hash
# want: label-value-type
LABEL org.opencontainers.image.authors="Team <team@example.com>, other"
