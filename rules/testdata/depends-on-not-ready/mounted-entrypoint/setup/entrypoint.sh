#!/bin/sh
until pg_isready -h db; do sleep 1; done
exec /usr/local/bin/setup
