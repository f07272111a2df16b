# want: missing-healthcheck
FROM registry.example.com/bare:1
CMD ["app"]
