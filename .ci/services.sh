#!/usr/bin/env bash
# Installs (if missing) and starts the local services, listening on 127.0.0.1 only. Idempotent.
#   .ci/services.sh                      everything the tests need (CI): rabbitmq postgres chromium python3
#   .ci/services.sh rabbitmq chromium python3 [toolkit-db]   only these (make start; toolkit-db with DB=postgres)
# Not root: installs and starts through sudo, and says so.
#
#   RabbitMQ   amqp://guest:guest@127.0.0.1:5672   (Erlang distribution 127.0.0.1:25672, epmd 127.0.0.1:4369)
#   PostgreSQL Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres   (CI only: the tests create databases)
#   toolkit-db PostgreSQL role and database 'ignition_toolkit' of its own, password in .run/postgres-password
#              (make start DB=postgres; the postgres user is left alone)
#   Chromium   /usr/bin/chromium     python3 (utility.python steps)     poppler-utils (CI: PDF text of FAT reports)
set -euo pipefail

# libpq settings of the caller (e.g. PGDATABASE) must not leak into the admin commands below.
unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSERVICE
wanted=("$@")
ci_mode=0
[ "${#wanted[@]}" -gt 0 ] || { wanted=(rabbitmq postgres chromium python3); ci_mode=1; }
wants() { local w; for w in "${wanted[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }
for w in "${wanted[@]}"; do
  case "$w" in rabbitmq|postgres|chromium|python3|toolkit-db) ;; *) echo "services.sh: unknown service '$w' (rabbitmq, postgres, chromium, python3, toolkit-db)" >&2; exit 2 ;; esac
done
wants toolkit-db && ! wants postgres && wanted+=(postgres)
repo_root="$(cd "$(dirname "$0")/.." && pwd)"

# Root commands run directly as root, else through sudo (said once).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; return; fi
  command -v sudo >/dev/null 2>&1 || { echo "error: '$*' needs root and sudo is not installed; run it as root" >&2; return 1; }
  if [ -z "${said_sudo:-}" ]; then echo "(not root: using sudo for: installing and starting services)"; said_sudo=1; fi
  sudo "$@"
}
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$(printf '%q ' "$@")"; else sudo -u postgres "$@"; fi; }

# Erlang's port mapper and the node's distribution port stay on loopback, whoever starts them (rabbitmqctl starts epmd too).
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_DIST_PORT=25672
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

need=()
if wants rabbitmq; then command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server); fi
if wants postgres; then [ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql); fi
if wants chromium; then [ -x /usr/bin/chromium ] || need+=(chromium); fi
# pdftotext/pdftoppm: the tests read the text of the FAT report PDFs that Chromium prints
if [ "$ci_mode" = 1 ]; then command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils); fi
if wants python3; then command -v python3 >/dev/null 2>&1 || need+=(python3); fi
command -v make >/dev/null 2>&1 || need+=(make)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v jq >/dev/null 2>&1 || need+=(jq)   # the documentation's examples use it
command -v pgrep >/dev/null 2>&1 || need+=(procps)
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing: ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_rabbitmq() {
  # Same settings for any later start (service manager, rabbitmqctl): rabbitmq-env.conf is sourced by every RabbitMQ script.
  local conf=/etc/rabbitmq/rabbitmq-env.conf marker="# ignition-toolkit: loopback only"
  local fd_marker="# ignition-toolkit: file handles"
  if ! grep -qF "$marker" "$conf" 2>/dev/null; then
    as_root mkdir -p /etc/rabbitmq
    {
      echo "$marker"
      echo "NODE_IP_ADDRESS=127.0.0.1"
      echo "DIST_PORT=25672"
      echo "SERVER_ADDITIONAL_ERL_ARGS=\"-kernel inet_dist_use_interface {127,0,0,1}\""
      echo "export ERL_EPMD_ADDRESS=127.0.0.1"
    } | as_root tee -a "$conf" >/dev/null
  fi
  # `su rabbitmq` leaves the node 1024 file handles; it needs one per durable queue while it recovers them at boot
  # and hangs when they run short. Raise the soft limit to the hard one for the node's shell.
  if ! grep -qF "$fd_marker" "$conf" 2>/dev/null; then
    { echo "$fd_marker"; echo 'ulimit -S -n "$(ulimit -H -n)" 2>/dev/null || true'; } | as_root tee -a "$conf" >/dev/null
  fi
  if ! port_open 5672 || ! as_root rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; then
    if ! port_open 5672; then
      echo "starting RabbitMQ on 127.0.0.1:5672"
      pgrep -x epmd >/dev/null 2>&1 || as_root epmd -address 127.0.0.1 -daemon
      as_root rabbitmq-server -detached >/dev/null 2>&1 || true
    fi
    local deadline=$((SECONDS + ${RABBITMQ_START_TIMEOUT:-180}))
    until as_root rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; do
      if [ "$SECONDS" -ge "$deadline" ]; then
        echo "error: RabbitMQ did not finish starting within ${RABBITMQ_START_TIMEOUT:-180} s; the end of its log:" >&2
        tail -n 15 "/var/log/rabbitmq/rabbit@$(hostname -s).log" 2>/dev/null | cut -c1-300 >&2
        return 1
      fi
      sleep 1
    done
  fi
  if ss -ltn 2>/dev/null | grep -qE '(0\.0\.0\.0|\[::\]|\*):(25672|4369) '; then
    echo "note: RabbitMQ/epmd were started earlier without the loopback settings (25672/4369 on all interfaces);" \
         "restart them to apply: rabbitmqctl shutdown; epmd -kill; .ci/services.sh rabbitmq"
  fi
}

start_postgres() {
  if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main'; then
    as_root pg_createcluster 15 main >/dev/null
  fi
  local conf=/etc/postgresql/15/main/postgresql.conf
  grep -q "^listen_addresses = '127.0.0.1'" "$conf" || echo "listen_addresses = '127.0.0.1'" | as_root tee -a "$conf" >/dev/null
  if ! pg_lsclusters -h | grep -q '^15 \+main \+[0-9]\+ \+online'; then
    echo "starting PostgreSQL on 127.0.0.1:5432"
    as_root pg_ctlcluster 15 main start
  fi
  for _ in $(seq 1 30); do
    as_postgres psql -qtAc 'select 1' >/dev/null 2>&1 && break
    sleep 1
  done
  # The tests connect as postgres (they create and drop databases); a user's make start never changes that password.
  if [ "$ci_mode" = 1 ]; then as_postgres psql -qtAc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null; fi
}

# make start DB=postgres: role and database 'ignition_toolkit' with a generated password kept in .run/postgres-password.
toolkit_database() {
  local file="$repo_root/.run/postgres-password" password
  if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$file")
  fi
  password="$(cat "$file")"
  if [ "$(as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'ignition_toolkit'")" != 1 ]; then
    echo "creating PostgreSQL role and database 'ignition_toolkit'"
    as_postgres psql -qtAc "CREATE ROLE ignition_toolkit LOGIN PASSWORD '$password'" >/dev/null
  else
    as_postgres psql -qtAc "ALTER ROLE ignition_toolkit PASSWORD '$password'" >/dev/null
  fi
  if [ "$(as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'ignition_toolkit'")" != 1 ]; then
    as_postgres createdb -O ignition_toolkit ignition_toolkit
  fi
}

if wants rabbitmq; then start_rabbitmq; fi
if wants postgres; then start_postgres; fi
if wants toolkit-db; then toolkit_database; fi
echo "services ready: ${wanted[*]}"
