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
for _ in $(seq 1 30); do
  pgrep -f -- "--monitor $pid( |$)" >/dev/null 2>&1 \
    || pgrep -f -- "$ROOT/IgnitionToolkit\.(Api|Runner|Web)(/|\.csproj)" >/dev/null 2>&1 \
    || break
  echo -n "."; sleep 1
done
rm -f "$APPHOST_PID_FILE"
echo " stopped"
