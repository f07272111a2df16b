# The shell-form CMD runs nginx all the same: its master is root by
# design, and the finding says so, as info.
# want: missing-user
FROM nginx:1.29.0-alpine
COPY site/ /usr/share/nginx/html/
CMD nginx -g "daemon off;"
