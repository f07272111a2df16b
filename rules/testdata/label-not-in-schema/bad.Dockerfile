FROM alpine:3.20
# want: label-not-in-schema
LABEL org.opencontainers.image.sorce="https://github.com/acme/app"
