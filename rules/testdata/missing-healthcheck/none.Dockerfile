FROM alpine:3.20
HEALTHCHECK NONE
CMD ["sleep", "infinity"]
