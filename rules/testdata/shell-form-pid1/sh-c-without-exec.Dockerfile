FROM python:3.13-slim
COPY . /srv
# want: shell-form-pid1
ENTRYPOINT ["sh", "-c", "python manage.py migrate && gunicorn app.wsgi"]
