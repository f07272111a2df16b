FROM node:22-slim
ARG STOP=kill
COPY . /app
# want: stop-signal
STOPSIGNAL sig${STOP}
CMD ["node", "/app/server.js"]
