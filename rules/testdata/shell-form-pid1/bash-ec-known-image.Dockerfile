# python:3.13-slim is Debian with bash 5.2 (images/official.json): `bash -c`
# execs its plain last command, so uvicorn is PID 1 and no finding is made.
FROM python:3.13-slim
CMD ["/bin/bash", "-ec", "source /venv/bin/activate; uvicorn app:api --host 0.0.0.0"]
