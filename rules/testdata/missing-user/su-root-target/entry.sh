#!/bin/sh
exec su root -s /bin/sh -c "exec $*"
