#!/usr/bin/env bash
set -e
[ -n "$PUSER" ] || { echo "set PUSER" >&2; exit 1; }
id "$PUSER" >/dev/null 2>&1 || useradd -m "$PUSER"
su $PUSER -s "$@"
