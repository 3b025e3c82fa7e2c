#!/usr/bin/env bash
# make start: local services (RabbitMQ, PostgreSQL when DB=postgres), build, then the AppHost in the background.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

if pid="$(apphost_pid)"; then
  echo "already running (AppHost pid $pid); 'make stop' or 'make restart' first"
else
  services=(rabbitmq chromium python3); [ "$DB" = postgres ] && services+=(toolkit-db)   # what the bundled playbooks need
  "$ROOT/.ci/services.sh" "${services[@]}"
  command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET SDK is missing (see global.json for the version); install it and retry" >&2; exit 1; }
  dotnet build IgnitionToolkit.AppHost/IgnitionToolkit.AppHost.csproj -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly

  mkdir -p "$RUN_DIR"; rm -f "$APPHOST_PID_FILE"
  mapfile -t db_env < <(database_env)
  demo_env=(); [ "${DEMO:-0}" = 1 ] && demo_env=(Toolkit__Demo=true)   # make start DEMO=1: gateway simulator + demo-gateway credential
  echo "starting the AppHost (log: ${APPHOST_LOG#"$ROOT"/})"
  env ASPNETCORE_URLS="$DASHBOARD_URL" \
      DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
      ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
      ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
      ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL:-http://127.0.0.1:18889}" \
      ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="${ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL:-http://127.0.0.1:18890}" \
      ConnectionStrings__messaging="$RABBITMQ_URL" \
      "${db_env[@]}" "${demo_env[@]}" \
      setsid bash -c 'echo $$ >"$1"; exec "$2"' apphost "$APPHOST_PID_FILE" "$APPHOST_BIN" >"$APPHOST_LOG" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [ -s "$APPHOST_PID_FILE" ] && break; sleep 0.1; done
fi

echo -n "waiting for the API's /health "
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null --max-time 2 "$API_URL/health" 2>/dev/null; then
    echo " up"
    # runner and web start once the API is healthy (WaitFor in the AppHost).
    wait_http "$WEB_URL/health" 60 || echo "note: web ($WEB_URL) is not up yet; see the dashboard"
    wait_http "$RUNNER_URL/health" 30 || echo "note: runner ($RUNNER_URL) is not up yet; see the dashboard"
    admin="${Toolkit__Auth__AdminUser:-admin}"
    password="$("$ROOT/scripts/admin-password.sh" 2>/dev/null || echo "(not found: see the dashboard's parameter auth-admin-password)")"
    echo
    echo "  Web        $WEB_URL"
    echo "             sign in as '$admin' with password: $password"
    echo "             ('make admin-password' prints it again)"
    echo "  API        $API_URL   (health: $API_URL/health)"
    echo "  Dashboard  $DASHBOARD_URL"
    if [ "${DEMO:-0}" = 1 ]; then
      echo "  Gateway    http://127.0.0.1:8088   (simulator; vault credential 'demo-gateway')"
      echo
      echo "Next steps:"
      echo "  1. Open $WEB_URL and sign in as '$admin' with the password above."
      echo "  2. Playbooks > 'Backup and Restart Gateway' > Run: choose Credential 'demo-gateway', then Start."
      echo "  3. Playbooks > 'Perspective HMI Smoke Test' > Run > Start: a real browser drives the simulator's Perspective page."
    fi
    echo
    echo "'make health' checks every service, 'make logs' follows the AppHost log, 'make stop' stops everything."
    exit 0
  fi
  if ! apphost_pid >/dev/null; then
    echo; echo "error: the AppHost exited; last lines of ${APPHOST_LOG#"$ROOT"/}:" >&2
    tail -n 30 "$APPHOST_LOG" >&2
    rm -f "$APPHOST_PID_FILE"
    exit 1
  fi
  echo -n "."
  sleep 1
done
echo; echo "error: the API did not answer $API_URL/health within 120 s; see the dashboard ($DASHBOARD_URL) and ${APPHOST_LOG#"$ROOT"/}" >&2
exit 1
