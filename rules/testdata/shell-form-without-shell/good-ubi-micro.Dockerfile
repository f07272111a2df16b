# UBI micro has no package manager, but /bin/sh is bash: RUN works.
FROM registry.access.redhat.com/ubi9/ubi-micro:9.5
COPY app /usr/bin/app
RUN chmod 755 /usr/bin/app
CMD ["/usr/bin/app"]
