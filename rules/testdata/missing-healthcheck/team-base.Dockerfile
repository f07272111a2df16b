# The team's base image sets a HEALTHCHECK, which this image inherits.
FROM registry.example.com/base-with-check:1
CMD ["app"]
