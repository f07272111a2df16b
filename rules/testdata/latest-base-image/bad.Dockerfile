ARG TAG=latest
# want: latest-base-image
FROM node:latest AS web
# want: latest-base-image
FROM alpine:${TAG}
