FROM python:3.13-slim
# want: stop-signal
STOPSIGNAL SIGSTOP
CMD ["python", "-m", "http.server"]
