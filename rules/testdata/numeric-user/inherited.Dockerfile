FROM python:3.12-slim AS base
RUN useradd --uid 10001 app
# The run stage inherits this USER, so it is the one reported.
# want: numeric-user
USER app

FROM base AS app
COPY . /app
CMD ["python", "/app/main.py"]
