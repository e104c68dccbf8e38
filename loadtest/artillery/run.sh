#!/usr/bin/env bash
# Runs original.yml (the original README's Artillery config) with the artillery version
# pinned in package.json, through npx: nothing is installed into the repo.
#
# The first run downloads artillery and its dependencies from npm into npx's cache
# (~/.npm/_npx): about a minute here. Later runs reuse the cache.
#
# Usage: ./run.sh [extra artillery run options, e.g. --output /tmp/report.json]
# Environment:
#   TARGET=http://127.0.0.1:3000   base URL (loopback only); overrides the config's target
#                                  with $TARGET/reviews via --target when set
#   ARTILLERY_MAX_TIME=120         seconds before the test is stopped (it takes ~25 s)
#   ARTILLERY_CONFIG=original.yml
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/../common.sh
. "$here/../common.sh"
cd "$here"

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi

version=$(node -p "require('./package.json').devDependencies.artillery")
config=${ARTILLERY_CONFIG:-original.yml}
max_time=${ARTILLERY_MAX_TIME:-120}
require_uint ARTILLERY_MAX_TIME "$max_time"

target_args=()
if [[ -n ${TARGET:-} ]]; then
  require_loopback "$TARGET"
  target_args=(--target "${TARGET%/}/reviews")
else
  # the config's own target must be loopback too
  cfg_target=$(sed -n 's/^ *target: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$config" | head -n1)
  require_loopback "${cfg_target:?no target in $config}"
fi

export ARTILLERY_DISABLE_TELEMETRY=true

# Fetch (first run) and check the pinned artillery without sending any load.
echo "artillery@$version: checking / downloading via npx ..."
timeout 600 npx --yes "artillery@$version" --version >/dev/null

echo "artillery@$version run $config ${target_args[*]} (cap ${max_time}s)"
rc=0
timeout -k 15 "$max_time" npx --yes "artillery@$version" run "${target_args[@]}" "$@" "$config" || rc=$?
if [[ $rc == 124 ]]; then
  echo "run.sh: stopped by the ${max_time}s time cap (ARTILLERY_MAX_TIME)" >&2
fi
exit "$rc"
