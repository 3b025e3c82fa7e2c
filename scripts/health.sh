#!/usr/bin/env bash
# make health: one line per service; exit 1 when one is not healthy.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

status=0
check() { # name url
  local code body
  body="$(curl -sS --max-time 5 -w '\n%{http_code}' "$2" 2>/dev/null)"
  code="${body##*$'\n'}"
  if [ "$code" = 200 ]; then
    printf '  %-10s healthy    %s\n' "$1" "$2"
  else
    printf '  %-10s DOWN (%s)  %s\n' "$1" "${code:-no answer}" "$2"
    status=1
  fi
}
check api "$API_URL/health"
check runner "$RUNNER_URL/health"
check web "$WEB_URL/health"
check dashboard "$DASHBOARD_URL/"
if pid="$(apphost_pid)"; then echo "  AppHost pid $pid"; else echo "  AppHost not started by 'make start'"; fi
exit "$status"
