FROM python:3.13-slim
# want: pip-no-cache-dir
RUN pip install -r requirements.txt
# want: pip-no-cache-dir
RUN python3 -m pip install --upgrade pip
RUN --mount=type=cache,target=/var/cache/apt \
# want: pip-no-cache-dir
    pip3 install flask
# Local wheels whose dependencies pip may still download: cached.
# want: pip-no-cache-dir
RUN pip install -U /deps/wheels/*.whl
