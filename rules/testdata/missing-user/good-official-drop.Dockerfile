# postgres's own docker-entrypoint.sh does `exec gosu postgres …`; keeping
# its ENTRYPOINT keeps the drop.
FROM postgres:16
COPY init.sql /docker-entrypoint-initdb.d/
CMD ["postgres", "-c", "shared_buffers=256MB"]
