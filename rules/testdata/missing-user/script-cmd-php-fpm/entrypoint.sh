#!/bin/sh
set -e
chown -R www-data /var/www
exec php-fpm
