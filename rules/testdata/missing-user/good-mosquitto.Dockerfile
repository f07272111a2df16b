# mosquitto, started as root, switches itself to its own user.
FROM alpine:3.20
RUN apk add --no-cache mosquitto
CMD ["/usr/sbin/mosquitto", "-c", "/mosquitto/config/mosquitto.conf"]
