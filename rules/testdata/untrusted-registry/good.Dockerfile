ARG REGISTRY
FROM ${REGISTRY}/app:1 AS base
FROM ghcr.io/acme/app:1 AS acme
FROM alpine:3.20
COPY --from=acme /app /app
COPY --from=nginx:1.27 /etc/nginx /etc/nginx
FROM scratch
