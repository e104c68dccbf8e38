#!/usr/bin/env bash
# Installs the load generators from Debian's packages if they are missing (needs root).
# artillery is not installed: artillery/run.sh fetches the pinned version with npx.
# The npm `siege` package for siege/README-original.js: cd siege && npm ci
set -euo pipefail
missing=()
command -v siege >/dev/null || missing+=(siege)
command -v wrk >/dev/null || missing+=(wrk)
command -v taskset >/dev/null || missing+=(util-linux)
if ((${#missing[@]})); then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
siege --version 2>&1 | head -n1
wrk -v 2>&1 | head -n1 || true
