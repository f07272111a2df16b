FROM python:3.13-slim
COPY . /srv
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:wsgi"]
