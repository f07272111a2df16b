#!/bin/sh
set -e
exec gosu www-data docker-php-entrypoint apache2-foreground
