FROM gcr.io/distroless/static-debian12:nonroot AS a
COPY app /app

FROM gcr.io/distroless/base-debian12:debug-nonroot AS b
COPY app /app

FROM cgr.dev/chainguard/python:latest AS c
COPY app.py /app.py

FROM nginxinc/nginx-unprivileged:1.27-alpine AS d
COPY site /usr/share/nginx/html

FROM docker.io/bitnami/postgresql:16 AS e

FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled AS f
COPY out /app

FROM memcached:1.6
