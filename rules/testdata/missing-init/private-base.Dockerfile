# The base image's ENTRYPOINT is unknown: it may run an init, so npm as
# PID 1 is only information here.
FROM ghcr.io/acme/node-base:22
WORKDIR /app
COPY . .
# want: missing-init
CMD ["npm", "start"]
