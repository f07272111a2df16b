FROM python:3.13-slim
WORKDIR /srv
# want: secret-file-in-image
COPY config/ ./config/
CMD ["python", "-m", "app"]
