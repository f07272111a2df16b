ARG PROTO=UDP
FROM alpine:3.20 AS dns
# want: expose-proto-casing
EXPOSE 53/UDP 53/tcp
FROM dns
# want: expose-proto-casing
EXPOSE 5353/${PROTO}
EXPOSE 80 \
# want: expose-proto-casing
    443/TCP
