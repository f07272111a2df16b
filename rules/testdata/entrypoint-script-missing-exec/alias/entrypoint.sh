#!/bin/bash
shopt -s expand_aliases
alias serve='gunicorn app:wsgi'
# `exec serve` would look for a program named serve.
# want: entrypoint-script-missing-exec
serve
