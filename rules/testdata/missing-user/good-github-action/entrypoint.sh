#!/bin/sh
exec shellcheck "$@"
