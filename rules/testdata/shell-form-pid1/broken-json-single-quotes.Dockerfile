FROM node:22-slim
USER 1000:1000
# Single quotes are not JSON: Docker runs the text with /bin/sh -c.
# want: shell-form-pid1
CMD ['node', 'server.js']
