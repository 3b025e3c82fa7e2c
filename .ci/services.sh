#!/usr/bin/env bash
# Installs (if missing) and starts the local services, listening on 127.0.0.1 only. Idempotent.
#   .ci/services.sh                      everything the tests need (CI)
#   .ci/services.sh rabbitmq [postgres]  only these (make start)
#
#   RabbitMQ   amqp://guest:guest@127.0.0.1:5672   (Erlang distribution 127.0.0.1:25672, epmd 127.0.0.1:4369)
#   PostgreSQL Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres
#   Chromium   /usr/bin/chromium
set -euo pipefail

# libpq settings of the caller (e.g. PGDATABASE) must not leak into the admin commands below.
unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSERVICE
wanted=("$@")
[ "${#wanted[@]}" -gt 0 ] || wanted=(rabbitmq postgres chromium)
wants() { local w; for w in "${wanted[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }
for w in "${wanted[@]}"; do
  case "$w" in rabbitmq|postgres|chromium) ;; *) echo "services.sh: unknown service '$w' (rabbitmq, postgres, chromium)" >&2; exit 2 ;; esac
done

# Erlang's port mapper and the node's distribution port stay on loopback, whoever starts them (rabbitmqctl starts epmd too).
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_DIST_PORT=25672
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

need=()
if wants rabbitmq; then command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server); fi
if wants postgres; then [ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql); fi
if wants chromium; then [ -x /usr/bin/chromium ] || need+=(chromium); fi
command -v make >/dev/null 2>&1 || need+=(make)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v pgrep >/dev/null 2>&1 || need+=(procps)
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_rabbitmq() {
  # Same settings for any later start (service manager, rabbitmqctl): rabbitmq-env.conf is sourced by every RabbitMQ script.
  local conf=/etc/rabbitmq/rabbitmq-env.conf marker="# ignition-toolkit: loopback only"
  local fd_marker="# ignition-toolkit: file handles"
  if ! grep -qF "$marker" "$conf" 2>/dev/null; then
    mkdir -p /etc/rabbitmq
    {
      echo "$marker"
      echo "NODE_IP_ADDRESS=127.0.0.1"
      echo "DIST_PORT=25672"
      echo "SERVER_ADDITIONAL_ERL_ARGS=\"-kernel inet_dist_use_interface {127,0,0,1}\""
      echo "export ERL_EPMD_ADDRESS=127.0.0.1"
    } >> "$conf"
  fi
  # `su rabbitmq` leaves the node 1024 file handles; it needs one per durable queue while it recovers them at boot
  # and hangs when they run short. Raise the soft limit to the hard one for the node's shell.
  if ! grep -qF "$fd_marker" "$conf" 2>/dev/null; then
    { echo "$fd_marker"; echo 'ulimit -S -n "$(ulimit -H -n)" 2>/dev/null || true'; } >> "$conf"
  fi
  if ! port_open 5672 || ! rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; then
    if ! port_open 5672; then
      echo "starting RabbitMQ on 127.0.0.1:5672"
      pgrep -x epmd >/dev/null 2>&1 || epmd -address 127.0.0.1 -daemon
      rabbitmq-server -detached >/dev/null 2>&1 || true
    fi
    local deadline=$((SECONDS + ${RABBITMQ_START_TIMEOUT:-180}))
    until rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; do
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
    pg_createcluster 15 main >/dev/null
  fi
  local conf=/etc/postgresql/15/main/postgresql.conf
  grep -q "^listen_addresses = '127.0.0.1'" "$conf" || echo "listen_addresses = '127.0.0.1'" >> "$conf"
  if ! pg_lsclusters -h | grep -q '^15 \+main \+[0-9]\+ \+online'; then
    echo "starting PostgreSQL on 127.0.0.1:5432"
    pg_ctlcluster 15 main start
  fi
  for _ in $(seq 1 30); do
    su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  su postgres -c "psql -qtAc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
}

if wants rabbitmq; then start_rabbitmq; fi
if wants postgres; then start_postgres; fi
echo "services ready: ${wanted[*]}"
