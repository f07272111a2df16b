# The official nginx image starts its master process as root.
# want: missing-user
FROM nginx:1.27-alpine
COPY site /usr/share/nginx/html
