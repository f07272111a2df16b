# php-fpm's master stays root by design and runs its pool as www-data:
# an information that says so, not a warning with a USER that breaks it.
# want: missing-user
FROM php:8.3-fpm-alpine
COPY . /var/www/html
