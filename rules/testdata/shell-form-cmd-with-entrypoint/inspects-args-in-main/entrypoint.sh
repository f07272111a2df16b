#!/bin/sh
_main() {
    if [ "${1#-}" != "$1" ]; then
        set -- node "$@"
    fi
    exec "$@"
}
_main "$@"
