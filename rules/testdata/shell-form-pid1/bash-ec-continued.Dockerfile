# bash execs no command of a pipeline: the shell stays PID 1 whatever its
# version.
FROM ghcr.io/acme/python:3.13-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN <<EOF
set -e
python -m venv /venv
exec /venv/bin/pip install uvicorn
EOF
# The finding points at the command the shell does not exec, on the second line.
CMD ["/bin/bash", "-ec", \
# want: shell-form-pid1
     "source /venv/bin/activate; uvicorn app:api --host 0.0.0.0 | tee /var/log/app.log"]
