#!/bin/sh
if [ -n "$USE_SYSTEM_CA_CERTS" ]; then
	update-ca-certificates
fi
exec "$@"
