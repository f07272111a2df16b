FROM alpine:3.20
COPY docker-entrypoint.sh /usr/local/bin/
# want: multiple-entrypoint
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
COPY app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["--help"]
