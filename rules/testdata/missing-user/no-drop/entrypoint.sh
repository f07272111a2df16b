#!/bin/sh
set -e
# gosu here only runs a setup step; the server still starts as root.
gosu nobody true
chown -R www-data /data
exec "$@"
