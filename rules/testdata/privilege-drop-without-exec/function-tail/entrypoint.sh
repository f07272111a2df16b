#!/bin/sh
set -e
# Helpers that pass their own arguments on are setup steps...
as_app() {
	gosu app "$@"
}
as_app mkdir -p /data/cache
# ...but the script's last command starts the server.
# want: privilege-drop-without-exec
gosu app /usr/local/bin/server --port 8080
