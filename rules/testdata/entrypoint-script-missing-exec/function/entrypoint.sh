#!/usr/bin/env bash
set -Eeo pipefail

_is_sourced() {
	[ "${#FUNCNAME[@]}" -ge 2 ] && [ "${FUNCNAME[0]}" = '_is_sourced' ] && [ "${FUNCNAME[1]}" = 'source' ]
}

_main() {
	if [ "${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi
	# The function's tail is the script's tail.
	# want: entrypoint-script-missing-exec
	"$@"
}

if ! _is_sourced; then
	_main "$@"
fi
