#!/bin/sh
set -e
a2enmod rewrite
exec docker-php-entrypoint apache2-foreground
