#!/usr/bin/env bash
# wrk load test of the service on 127.0.0.1:3000.
#
# Usage: run.sh [random|hot] [duration=30s] [connections=50] [threads=2]
#   random (default)  random.lua: random listing ids in [0, LISTINGS) and indexes 1..12
#                     on /reviews/{id}?index=N and /images/{id}?index=N
#   hot               every request is /reviews/15000?index=1 (the original tests' URL)
# Both print wrk's latency distribution (--latency) and random.lua's responses by status.
#
# Environment:
#   TARGET=http://127.0.0.1:3000  base URL (loopback only)
#   LISTINGS=20000                seeded listings (1000000 after seeding 1M)
#   HX=1 / JSON=1                 ask for the htmx fragment / the JSON answer
#   MAX_REQUESTS=10000000         cap on responses (all threads); -d caps the time
#   WRK_TIMEOUT=5s                wrk's per-request timeout
#   PIN_CPU=                      e.g. 1: run wrk under `taskset -c 1` (see ../README.md)
# Examples:
#   ./run.sh                      random, 30s, 50 connections, 2 threads
#   LISTINGS=1000000 HX=1 ./run.sh random 60s 100 2
#   PIN_CPU=1 ./run.sh hot 30s 50 1
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/../common.sh
. "$here/../common.sh"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

mode=random
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  random|hot) mode=$1; shift ;;
esac
duration=${1:-30s}
connections=${2:-50}
threads=${3:-2}

target=${TARGET:-http://127.0.0.1:3000}
target=${target%/}
require_loopback "$target"
require_uint connections "$connections"
require_uint threads "$threads"
seconds=$(duration_to_seconds "$duration")
require_uint duration "$seconds"
if (( connections < threads )); then
  echo "connections ($connections) must be >= threads ($threads)" >&2
  exit 2
fi
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 127; }

if [[ $mode == hot ]]; then
  url="$target/reviews/15000?index=1"
  export HOT=1
else
  url="$target"
  export HOT=0
fi
export THREADS=$threads

pin=()
if [[ -n ${PIN_CPU:-} ]]; then
  command -v taskset >/dev/null || { echo "taskset not found (util-linux)" >&2; exit 127; }
  pin=(taskset -c "$PIN_CPU")
fi

echo "wrk $mode: $url for ${seconds}s, $connections connections, $threads threads" \
  "(LISTINGS=${LISTINGS:-20000} HX=${HX:-0} JSON=${JSON:-0}${PIN_CPU:+ cpu $PIN_CPU})"
# wrk stops itself after -d; timeout is only a backstop.
exec timeout -k 10 $((seconds + 30)) "${pin[@]}" \
  wrk --latency -t "$threads" -c "$connections" -d "${seconds}s" --timeout "${WRK_TIMEOUT:-5s}" \
      -s "$here/random.lua" "$url"
