#!/usr/bin/env bash
# make stop: SIGTERM to the AppHost's own process; it stops api, runner and web. Waits until they are gone.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if ! pid="$(apphost_pid)"; then
  echo "not running"
  rm -f "$APPHOST_PID_FILE"
  exit 0
fi

echo -n "stopping the AppHost (pid $pid) "
kill -TERM "$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; echo -n "."; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then
  echo " still running after 30 s: sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
fi
# The orchestrator (dcp) that watches this AppHost stops this checkout's services, then exits itself: wait for both.
leftovers() { # "name (pid N)" for each process of this checkout that is still running
  local pid args
  for pid in $(pgrep -f -- "--monitor $1( |\$)|$ROOT/(IgnitionToolkit\.(Api|Runner|Web)|tests/IgnitionToolkit\.GatewaySimulator)(/|\.csproj)" 2>/dev/null); do
    args="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || continue
    case "$args" in
      *--monitor*) echo "orchestrator (pid $pid)" ;;
      *GatewaySimulator*) echo "gateway simulator (pid $pid)" ;;
      *IgnitionToolkit.Api*) echo "api (pid $pid)" ;;
      *IgnitionToolkit.Runner*) echo "runner (pid $pid)" ;;
      *IgnitionToolkit.Web*) echo "web (pid $pid)" ;;
    esac
  done
}
for _ in $(seq 1 30); do
  [ -z "$(leftovers "$pid")" ] && break
  echo -n "."; sleep 1
done
rm -f "$APPHOST_PID_FILE"
left="$(leftovers "$pid" | paste -sd, - | sed 's/,/, /g')"
if [ -n "$left" ]; then
  echo " NOT stopped: still running after 30 s: $left"
  echo "end them with: kill <pid> (kill -9 <pid> if they do not exit)" >&2
  exit 1
fi
echo " stopped"
