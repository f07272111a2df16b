ARG PY=3.12
FROM python:${PY}-slim AS base
RUN pip install --no-cache-dir flask

FROM base AS test
USER 10001
RUN python -m pytest

# The run stage builds on base, not on test: test's USER does not apply.
# want: missing-user
FROM base AS app
COPY . /app
CMD ["python", "/app/main.py"]
