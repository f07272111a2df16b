# Replacing the official image's entrypoint loses its gosu step.
# want: missing-user
FROM postgres:16
ENTRYPOINT ["postgres"]
