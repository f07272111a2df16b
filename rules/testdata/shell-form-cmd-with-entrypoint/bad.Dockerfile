FROM postgres:17
ENTRYPOINT ["docker-entrypoint.sh"]
# The entrypoint receives /bin/sh -c "postgres -c shared_buffers=256MB".
# want: shell-form-cmd-with-entrypoint
CMD postgres -c shared_buffers=256MB
