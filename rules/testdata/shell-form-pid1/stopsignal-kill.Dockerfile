# docker stop kills at once under SIGKILL: no signal misses the app
# (stop-signal reports the SIGKILL itself).
FROM node:22-bookworm-slim
STOPSIGNAL SIGKILL
CMD node server.js
