FROM debian:12
# want: empty-continuation-line
RUN apt-get update && \
    apt-get install -y curl \

    && rm -rf /var/lib/apt/lists/*
# want: empty-continuation-line
RUN apk add --no-cache samba \

COPY smb.conf /etc/samba/
