FROM node:22-slim
WORKDIR /app
# want: shell-form-pid1
CMD npm run migrate && \
    # comment lines inside a continuation are dropped by buildkit
    node server.js
