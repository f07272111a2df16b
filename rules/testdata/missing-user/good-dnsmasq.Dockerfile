# dnsmasq binds port 53 as root and then switches itself to nobody.
FROM alpine:3.20
RUN apk add --no-cache dnsmasq
CMD ["dnsmasq", "-k", "--log-facility=-"]
