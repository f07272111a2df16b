# UBI micro has no useradd and nothing to install it with: the advice is a
# numeric USER.
# want: missing-user
FROM registry.access.redhat.com/ubi9-micro:9.5
COPY app /app
CMD ["/app"]
