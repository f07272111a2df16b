FROM python:3.12-slim
USER 1000:1000
# want: shell-form-pid1
ENTRYPOINT [ "gunicorn", "app:app", ]
