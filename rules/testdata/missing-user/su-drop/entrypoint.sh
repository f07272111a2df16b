#!/bin/sh
chown -R app /data
exec su app -s /bin/sh -c "exec /usr/local/bin/server"
