#!/bin/sh
# The exec inside sh -c replaces the inner shell, but this script's shell
# still waits for it.
# want: entrypoint-script-missing-exec
sh -c 'cd /srv && exec ./server'
