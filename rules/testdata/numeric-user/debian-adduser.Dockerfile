# Debian's adduser takes --uid: the advice names the tool the file uses.
FROM debian:12-slim
RUN adduser --system --group --no-create-home jitsi
# want: numeric-user
USER jitsi
CMD ["/usr/bin/app"]
