# Shared settings for the scripts (sourced). Every value can be overridden from the environment or `make VAR=...`.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIGURATION="${CONFIGURATION:-Debug}"
DB="${DB:-sqlite}"
RUN_DIR="${RUN_DIR:-$ROOT/.run}"
APPHOST_BIN="$ROOT/IgnitionToolkit.AppHost/bin/$CONFIGURATION/net10.0/IgnitionToolkit.AppHost"
APPHOST_PID_FILE="$RUN_DIR/apphost.pid"
APPHOST_LOG="$RUN_DIR/apphost.log"
RABBITMQ_URL="${RABBITMQ_URL:-amqp://guest:guest@127.0.0.1:5672}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-ignition_toolkit}" PGDATABASE="${PGDATABASE:-ignition_toolkit}"
POSTGRES_PASSWORD_FILE="$ROOT/.run/postgres-password"   # written by .ci/services.sh toolkit-db (make start DB=postgres)
DASHBOARD_URL="${DASHBOARD_URL:-http://127.0.0.1:18888}"
API_URL="${API_URL:-http://127.0.0.1:5080}"
RUNNER_URL="${RUNNER_URL:-http://127.0.0.1:5090}"
WEB_URL="${WEB_URL:-http://127.0.0.1:5100}"
DATA_DIR="${Toolkit__DataDirectory:-$ROOT/data}"

apphost_pid() {
  [ -f "$APPHOST_PID_FILE" ] || return 1
  local pid; pid="$(cat "$APPHOST_PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Environment the services need for the selected database (connection strings win over containers in the AppHost).
database_env() {
  case "$DB" in
    sqlite) echo "Toolkit__Database=sqlite" ;;
    postgres) printf '%s\n' "Toolkit__Database=postgres" "ConnectionStrings__toolkitdb=$(postgres_cs)" ;;
    *) echo "DB must be 'sqlite' or 'postgres' (got '$DB')" >&2; return 2 ;;
  esac
}

# The toolkit's own PostgreSQL connection: POSTGRES_CS when given, else the ignition_toolkit role make start created.
postgres_cs() {
  if [ -n "${POSTGRES_CS:-}" ]; then echo "$POSTGRES_CS"; return; fi
  local password="${PGPASSWORD:-}"
  [ -n "$password" ] || password="$(cat "$POSTGRES_PASSWORD_FILE" 2>/dev/null)"
  echo "Host=$PGHOST;Port=$PGPORT;Database=$PGDATABASE;Username=$PGUSER;Password=$password"
}

require_docker() {
  if ! command -v docker >/dev/null 2>&1; then
    echo "error: the 'docker' command is not installed; this target needs a Docker engine (use 'make start' for the local setup)." >&2
    exit 1
  fi
  if ! timeout 5 docker info >/dev/null 2>&1; then
    echo "error: no Docker engine answers ('docker info' failed); start Docker, or use 'make start' for the local setup." >&2
    exit 1
  fi
}

wait_http() { # url seconds
  local i
  for ((i = 0; i < $2; i++)); do
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}
