#!/bin/sh
envsubst < /etc/nginx/tmpl > /etc/nginx/conf.d/default.conf
exec nginx -g "daemon off;"
