# jupyter's images run `tini -g -- start.sh` as their ENTRYPOINT, kept here.
FROM quay.io/jupyter/base-notebook:2025-01-06
COPY server.js /srv/
CMD ["node", "/srv/server.js"]
