FROM alpine:3.21
# The build decides: nothing is known.
ARG STOP
STOPSIGNAL $STOP
CMD ["server"]
