#!/usr/bin/env bash
# Installs (if missing) and starts the services the tests need, on 127.0.0.1 only. Idempotent.
#   RabbitMQ   amqp://guest:guest@127.0.0.1:5672
#   PostgreSQL Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres
#   Chromium   /usr/bin/chromium
set -euo pipefail

need=()
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v make >/dev/null 2>&1 || need+=(make)
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# RabbitMQ
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  echo "starting RabbitMQ on 127.0.0.1:5672"
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    rabbitmqctl await_startup --timeout 5 >/dev/null 2>&1 && break
    sleep 1
  done
fi
rabbitmqctl await_startup --timeout 10 >/dev/null

# PostgreSQL (Debian cluster 15/main, listening on 127.0.0.1 only)
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main'; then
  pg_createcluster 15 main >/dev/null
fi
conf=/etc/postgresql/15/main/postgresql.conf
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
echo "services ready"
