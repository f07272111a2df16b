FROM python:3.13-slim AS build
HEALTHCHECK CMD ["true"]
# want: missing-healthcheck
FROM python:3.13-slim
CMD ["python", "-m", "http.server"]
