#!/usr/bin/env bash
# Keeps test runs from filling the local RabbitMQ: every run uses its own virtual host, created empty before the tests
# and deleted after them, so the queues and exchanges the tests declare never pile up in "/". (Thousands of leftover
# durable queues once made the broker too slow to boot within CI's limits.)
#   scripts/test-broker.sh up PID     create the virtual host toolkit-tests-PID for the run of process PID, delete those
#                                     of runs whose process is gone, remove test leftovers from "/", print the AMQP URL
#   scripts/test-broker.sh down PID   delete the virtual host of that run
# Runs side by side never share a virtual host. Needs rabbitmqctl on the broker's machine (root, as in CI); without it,
# the caller keeps the default URL.
set -euo pipefail

owner="${2:-}"
[[ "$owner" =~ ^[0-9]+$ ]] || { echo "usage: $0 up|down PID" >&2; exit 2; }
VHOST="toolkit-tests-$owner"
BASE_URL="${RABBITMQ_URL:-amqp://guest:guest@127.0.0.1:5672}"
export ERL_EPMD_ADDRESS=127.0.0.1

# Queues and exchanges that earlier test runs (before the per-run virtual host) left in "/": their names start with a
# test prefix followed by random hex. The toolkit's own entities in "/" ("toolkit-…", or a prefix you chose) stay.
legacy_sweep='Match = fun(N) -> re:run(N, "^(ft[0-9a-f]{10}|apitest-?[0-9a-f]+|apphost-test-[0-9a-f]+|toolkit-runner-tests-[0-9a-f]+|ops[0-9a-f]{10})-", [{capture, none}]) =:= match end,
Qs = [Q || Q <- rabbit_amqqueue:list(<<"/">>), Match(element(4, amqqueue:get_name(Q)))],
_ = [catch rabbit_amqqueue:delete(Q, false, false, <<"ignition-toolkit-tests">>) || Q <- Qs],
Xs = [element(2, X) || X <- rabbit_exchange:list(<<"/">>), Match(element(4, element(2, X)))],
_ = [catch rabbit_exchange:delete(X, false, <<"ignition-toolkit-tests">>) || X <- Xs],
io_lib:format("~b queues, ~b exchanges", [length(Qs), length(Xs)]).'

ctl() { timeout 60 rabbitmqctl -q "$@"; }

case "${1:-}" in
  up)
    command -v rabbitmqctl >/dev/null 2>&1 || { echo "test-broker: rabbitmqctl not found" >&2; exit 1; }
    ctl await_startup --timeout 10 >/dev/null
    for stale in $(ctl list_vhosts name 2>/dev/null | grep -E '^toolkit-tests(-[0-9]+)?$' || true); do
      pid="${stale#toolkit-tests}"; pid="${pid#-}"
      if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then ctl delete_vhost "$stale" >/dev/null 2>&1 || true; fi
    done
    ctl delete_vhost "$VHOST" >/dev/null 2>&1 || true
    ctl add_vhost "$VHOST" >/dev/null
    ctl set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null
    swept="$(ctl eval "$legacy_sweep" 2>/dev/null | tr -d '"' || true)"
    case "$swept" in ""|"0 queues, 0 exchanges") ;; *) echo "test-broker: removed leftovers of older test runs from \"/\": $swept" >&2 ;; esac
    echo "${BASE_URL%/}/$VHOST"
    ;;
  down)
    ctl delete_vhost "$VHOST" >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 up|down PID" >&2; exit 2 ;;
esac
