# A build script replaces %%NAME%% with sed before the build: the image is
# not known here, so nothing is said of its tag.
FROM %%NEO4J_BASE_IMAGE%%
ENV NEO4J_SHA256=%%NEO4J_SHA%%
CMD ["neo4j"]
