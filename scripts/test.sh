#!/usr/bin/env bash
# make test / make test-fast: build once, run each test project with --no-build and a TRX logger, then sum the results.
#   scripts/test.sh                     every test project under tests/
#   scripts/test.sh Core.Tests ...      only projects whose name ends with these
#   TEST_FILTER=Category=Unit scripts/test.sh   only the tests of that tier (make test-fast); tiers: Unit, Functional, EndToEnd
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

results="$ROOT/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

projects=()
for proj in tests/*/*.csproj; do
  grep -qE '<IsTestProject>true|Microsoft\.NET\.Test\.Sdk' "$proj" || continue
  if [ "$#" -gt 0 ]; then
    name="$(basename "$proj" .csproj)"; keep=0
    for f in "$@"; do [[ "$name" == *"$f" ]] && keep=1; done
    [ "$keep" = 1 ] || continue
  fi
  projects+=("$proj")
done
[ "${#projects[@]}" -gt 0 ] || { echo "no test projects found"; exit 1; }

if [ "$#" -eq 0 ]; then
  dotnet build IgnitionToolkit.slnx -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly || { echo "build failed"; exit 1; }
else
  for proj in "${projects[@]}"; do
    dotnet build "$proj" -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly || { echo "build failed: $proj"; exit 1; }
  done
fi

# On exit: stop the background lane if it still runs, delete this run's virtual host if it made one.
lane_pid="" broker_owned=0
cleanup() {
  [ -n "$lane_pid" ] && { pkill -TERM -P "$lane_pid"; kill "$lane_pid"; } 2>/dev/null
  [ "$broker_owned" = 1 ] && "$ROOT/scripts/test-broker.sh" down $$
}
trap cleanup EXIT

# A fresh RabbitMQ virtual host per run (scripts/test-broker.sh), unless the caller chose a broker URL.
if [ -z "${TOOLKIT_TEST_RABBITMQ:-}" ] && url="$("$ROOT/scripts/test-broker.sh" up $$)"; then
  export TOOLKIT_TEST_RABBITMQ="$url"
  broker_owned=1
  echo "RabbitMQ for this run: ${url##*@}"
fi

# COVERAGE=1 (make coverage): coverlet collects line/branch coverage of the product assemblies (coverage.runsettings).
filter=()
[ -n "${TEST_FILTER:-}" ] && filter=(--filter "$TEST_FILTER")
collect=()
[ "${COVERAGE:-0}" = 1 ] && collect=(--collect "XPlat Code Coverage" --settings "$ROOT/coverage.runsettings")

# A test that has not finished after 30 minutes (ten times the slowest one on a loaded machine) hangs: the test host is
# stopped and the run names it as failed, instead of a CI that never ends.
run_project() {
  local proj="$1" name; name="$(basename "$1" .csproj)"
  echo "== $name"
  dotnet test "$proj" -c "$CONFIGURATION" --no-build --nologo --blame-hang-timeout 30m --blame-hang-dump-type none \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" "${filter[@]}" "${collect[@]}"
}

# Two lanes of about equal length: the functional tests (real processes that mostly wait on each other) and the small
# projects in the background, the API, AppHost, browser and Web tests (AppHost and Web share `make start`'s fixed ports,
# so they stay in one lane) in the foreground. Every stack has its own bus prefix, database, folders and dynamic ports;
# the background lane's output is printed when it ends.
background_lane="Functional.Tests Cli.Tests Plugins.Gateway.Tests Ops.Tests Runner.Tests Core.Tests GatewaySimulator.Tests Plugins.Ai.Tests"
lane=() rest=()
for proj in "${projects[@]}"; do
  name="$(basename "$proj" .csproj)" in_lane=0
  for suffix in $background_lane; do [[ "$name" == *".$suffix" ]] && in_lane=1; done
  if [ "$in_lane" = 1 ] && [ "${#projects[@]}" -gt 1 ]; then lane+=("$proj"); else rest+=("$proj"); fi
done
if [ "${#lane[@]}" -gt 0 ]; then
  lane_log="$results/functional-lane.log"
  ( for proj in "${lane[@]}"; do run_project "$proj"; done ) >"$lane_log" 2>&1 &
  lane_pid=$!
fi
for proj in "${rest[@]}"; do run_project "$proj"; done
if [ -n "$lane_pid" ]; then
  wait "$lane_pid"; lane_pid=""
  cat "$lane_log"
fi

echo
"$ROOT/scripts/test-summary.sh" "$results"
