FROM nginx:1.27 AS web
# want: multiple-healthcheck
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
# want: multiple-healthcheck
HEALTHCHECK NONE
HEALTHCHECK --interval=30s \
    CMD curl -f http://localhost/health || exit 1
