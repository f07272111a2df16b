FROM alpine:3.20
# want: label-invalid-key
LABEL com.docker.label="foo"
# want: label-invalid-key
LABEL Maintainer="team@example.com"
# want: label-invalid-key
LABEL invalid..key=1 ok.key=2
ARG KEY=Bad_Key
# want: label-invalid-key
LABEL ${KEY}=x
# want: label-invalid-key
LABEL org.dockerproject.x=1
