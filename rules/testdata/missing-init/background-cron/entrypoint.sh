#!/bin/bash
set -euo pipefail

# want: missing-init
cron &

if [ "${1:-}" = "worker" ]; then
	shift
	exec php artisan queue:work "$@"
fi

exec "$@"
