#!/bin/sh
mkdir -p /srv/static
chown -R app /srv/static
