#!/bin/sh
GROUPNAME="bitwarden"
USERNAME="bitwarden"
if [ "$(id -u)" = "0" ]; then
    useradd -o -u 65534 -s /bin/false $USERNAME >/dev/null 2>&1
    chown -R $USERNAME:$GROUPNAME /app
    gosu_cmd="gosu $USERNAME:$GROUPNAME"
else
    gosu_cmd=""
fi
exec $gosu_cmd /app/Api
