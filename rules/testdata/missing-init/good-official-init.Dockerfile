# couchdb's ENTRYPOINT runs tini, kept here.
FROM couchdb:3
RUN apt-get update && apt-get install -y --no-install-recommends nodejs && rm -rf /var/lib/apt/lists/*
COPY sidecar.js /opt/
CMD ["node", "/opt/sidecar.js"]
