#!/bin/sh
check_url() {
    url="$1"
    case "$url" in
        *@*) echo "credentials in the URL" ;;
    esac
}
check_url "$DATABASE_URL"
exec "$@"
