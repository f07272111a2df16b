FROM python:3.13-slim AS base
HEALTHCHECK --interval=30s CMD python -c "print(1)"
FROM base
CMD ["python", "-m", "http.server"]
