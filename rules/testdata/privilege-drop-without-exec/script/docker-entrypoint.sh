#!/bin/bash
set -e
# A setup step in the middle of the script is fine.
gosu postgres initdb -D "$PGDATA"
chown -R postgres "$PGDATA"
# want: privilege-drop-without-exec
gosu postgres "$@"
