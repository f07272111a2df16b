#!/bin/sh
nginx -g 'daemon off;' &
node /srv/app.js &
wait
