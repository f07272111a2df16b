FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
LABEL maintainer="MAINTAINER is a word here"
