FROM python:3.13-slim AS build
RUN pip install -r requirements.txt
FROM python:3.13-slim
RUN pip install --no-cache-dir -r requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip pip install flask
RUN PIP_NO_CACHE_DIR=1 pip install flask
RUN pip install flask && rm -rf /root/.cache
RUN pip download flask
ENV PIP_NO_CACHE_DIR=1
RUN pip install requests
FROM python:3.13-slim
RUN export PIP_NO_CACHE_DIR=off && pip install flask
RUN PIP_NO_CACHE_DIR=false pip install flask
# pip takes an unambiguous prefix of a long option: --no-cache is --no-cache-dir.
RUN pip install --no-cache -r requirements.txt
# Wheels already on disk, no dependency resolved: pip downloads and builds
# nothing, so it caches nothing.
RUN pip install --no-deps -U /deps/wheels/*.whl
