# shellcheck shell=bash
# Helpers sourced by the load-test scripts in this folder. Not executable on its own.

# Load tests on this machine may only target the loopback interface.
# require_loopback URL: exits 2 unless URL's host is 127.0.0.0/8, localhost or [::1].
require_loopback() {
  local url=$1 hostport host
  hostport=${url#*://}       # drop scheme
  hostport=${hostport%%/*}   # drop path
  hostport=${hostport%%\?*}  # drop query
  hostport=${hostport##*@}   # drop userinfo
  if [[ $hostport == \[* ]]; then
    host=${hostport%%]*}]
  else
    host=${hostport%%:*}
  fi
  if [[ $host =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ || $host == localhost || $host == '[::1]' ]]; then
    return 0
  fi
  echo "refusing to load-test '$url': only 127.0.0.0/8, localhost or [::1] may be targeted" >&2
  exit 2
}

# duration_to_seconds 30s|5m|1h|45 -> prints whole seconds (as wrk parses -d).
duration_to_seconds() {
  local d=$1
  case "$d" in
    *[0-9]s) echo "${d%s}" ;;
    *[0-9]m) echo $(( ${d%m} * 60 )) ;;
    *[0-9]h) echo $(( ${d%h} * 3600 )) ;;
    *[!0-9]*|'') echo "bad duration '$d' (use e.g. 30s, 5m, 1h)" >&2; return 2 ;;
    *) echo "$d" ;;
  esac
}

# require_uint NAME VALUE: exits 2 unless VALUE is a positive integer.
require_uint() {
  if [[ ! $2 =~ ^[1-9][0-9]*$ ]]; then
    echo "$1 must be a positive integer, got '$2'" >&2
    exit 2
  fi
}
