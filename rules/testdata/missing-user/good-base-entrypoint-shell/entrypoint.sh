#!/usr/bin/env bash
set -e
if [ -n "$EXTRA_PIP_PACKAGES" ]; then
  uv pip install --system $EXTRA_PIP_PACKAGES
fi
if [ -z "$*" ]; then
  exec bash --login
else
  exec "$@"
fi
