FROM python:3.13-slim
ARG EXTRA="requests flask==3.0.3"
# want: pip-unpinned
RUN pip install --no-cache-dir $EXTRA
# want: pip-unpinned
RUN --mount=type=cache,target=/root/.cache/pip python3 -m pip install \
      -r requirements.txt \
      gunicorn
FROM python:3.13-slim AS build
RUN <<EOF2
# want: pip-unpinned
pip3 install --upgrade pip
EOF2
# want: pip-unpinned
RUN pip install --no-cache-dir git+https://github.com/rtfd/read-ext.git#egg=read-ext
# want: pip-unpinned
RUN pipx install black
