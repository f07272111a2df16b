# An image dlint does not know: on python:3.13-slim (Debian, bash 5.2) bash
# would exec uvicorn, the plain last command.
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
     "source /venv/bin/activate; uvicorn app:api --host 0.0.0.0"]
