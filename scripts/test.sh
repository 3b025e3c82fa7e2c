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

# A fresh RabbitMQ virtual host per run (scripts/test-broker.sh), unless the caller chose a broker URL.
if [ -z "${TOOLKIT_TEST_RABBITMQ:-}" ] && url="$("$ROOT/scripts/test-broker.sh" up $$)"; then
  export TOOLKIT_TEST_RABBITMQ="$url"
  trap '"$ROOT/scripts/test-broker.sh" down $$' EXIT
  echo "RabbitMQ for this run: ${url##*@}"
fi

# COVERAGE=1 (make coverage): coverlet collects line/branch coverage of the product assemblies (coverage.runsettings).
filter=()
[ -n "${TEST_FILTER:-}" ] && filter=(--filter "$TEST_FILTER")
collect=()
[ "${COVERAGE:-0}" = 1 ] && collect=(--collect "XPlat Code Coverage" --settings "$ROOT/coverage.runsettings")

for proj in "${projects[@]}"; do
  name="$(basename "$proj" .csproj)"
  echo "== $name"
  dotnet test "$proj" -c "$CONFIGURATION" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" "${filter[@]}" "${collect[@]}"
done

echo
"$ROOT/scripts/test-summary.sh" "$results"
