# syntax=docker/dockerfile:1
FROM debian:12-slim
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.tar.gz /tmp/
ADD ./local.conf /etc/app/
ADD https://github.com/moby/buildkit.git#v0.14.1 /src
COPY https-notes.txt /tmp/
ARG SRC
ADD $SRC /tmp/
