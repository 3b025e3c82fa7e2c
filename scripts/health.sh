#!/usr/bin/env bash
# make health: one line per service; exit 1 when one is not healthy.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

status=0
down=()
check() { # name url
  local code body
  body="$(curl -sS --max-time 5 -w '\n%{http_code}' "$2" 2>/dev/null)"
  code="${body##*$'\n'}"
  [ "$code" = 000 ] && code="no answer"
  if [ "$code" = 200 ]; then
    printf '  %-10s healthy    %s\n' "$1" "$2"
  else
    printf '  %-10s DOWN (%s)  %s\n' "$1" "${code:-no answer}" "$2"
    status=1
    down+=("$1")
  fi
}
check api "$API_URL/health"
check runner "$RUNNER_URL/health"
check web "$WEB_URL/health"
check dashboard "$DASHBOARD_URL/"
if pid="$(apphost_pid)"; then
  echo "  AppHost pid $pid"
  if [ "${#down[@]}" -gt 0 ]; then
    echo
    echo "${down[*]} not healthy while the AppHost runs: a service that crashed stays down (the AppHost does not restart it)."
    echo "  Why: the dashboard's Console logs for ${down[0]} ($DASHBOARD_URL), or data/logs/<service>-errors.log."
    echo "  Bring it back: 'make restart', or the Restart command of ${down[0]} on the dashboard's Resources page."
  fi
else
  echo "  AppHost not started by 'make start'"
  [ "$status" = 0 ] || echo "  start everything with 'make start'"
fi
exit "$status"
