FROM nginx:1.27-alpine
COPY site /usr/share/nginx/html
# want: numeric-user
USER nginx
