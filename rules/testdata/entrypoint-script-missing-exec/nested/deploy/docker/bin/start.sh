#!/usr/bin/env bash
set -euo pipefail
bundle exec rails db:prepare
# want: entrypoint-script-missing-exec
bundle exec puma -C config/puma.rb
