# Debian 12, Ubuntu 24.04 and Alpine 3.17+ ship shadow 4.13 or later,
# whose useradd no longer writes lastlog and faillog up to the UID.
FROM debian:12-slim AS a
RUN useradd -u 1000000 app
FROM python:3.13-slim-bookworm AS b
RUN useradd -u 1000000 app
FROM ubuntu:24.04 AS c
RUN useradd -u 1000000 app
FROM alpine:3.20
RUN apk add --no-cache shadow && useradd -u 1000000 app
