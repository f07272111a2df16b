FROM python:3.13-slim
WORKDIR /srv
COPY . .
# The shell form runs /bin/sh -c: the shell is PID 1.
# want: shell-form-pid1
CMD gunicorn --bind 0.0.0.0:8000 app:wsgi
