# escape=`
ARG PORT=53/udp
FROM alpine:3.20
EXPOSE 53/udp 80 443/tcp
EXPOSE ${PORT}
EXPOSE 8080 `
    9090/tcp
