# valkey/valkey is not in the catalogue, but its -alpine tag is built on
# Alpine, whose busybox sh execs the last command: valkey-server is PID 1.
FROM valkey/valkey:8.0-alpine
CMD valkey-server --appendonly yes
