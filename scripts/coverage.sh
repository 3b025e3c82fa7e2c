#!/usr/bin/env bash
# make coverage: every test project (or the ones named, as for scripts/test.sh) with coverlet, then one merged report
# (artifacts/coverage/index.html, Summary.txt). Prints the line and branch coverage of the product assemblies and
# fails when the line coverage is under COVERAGE_MIN percent (default 80, the plan's target).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

COVERAGE=1 "$ROOT/scripts/test.sh" "$@"; tests=$?

report="$ROOT/artifacts/coverage"
rm -rf "$report"
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; exit 1; }
dotnet reportgenerator "-reports:$ROOT/artifacts/test-results/**/coverage.cobertura.xml" "-targetdir:$report" \
  "-reporttypes:TextSummary;Html;Cobertura" -verbosity:Warning || { echo "no coverage report"; exit 1; }

echo
sed -n '/^Summary/,/^$/p' "$report/Summary.txt"
line="$(grep -m1 -E '^\s*Line coverage:' "$report/Summary.txt" | grep -oE '[0-9]+(\.[0-9]+)?' | head -1)"
min="${COVERAGE_MIN:-80}"
echo "line coverage ${line:-?}% (minimum ${min}%), report: artifacts/coverage/index.html"
awk -v l="${line:-0}" -v m="$min" 'BEGIN { exit !(l + 0 >= m + 0) }' || { echo "line coverage is under ${min}%"; exit 1; }
exit "$tests"
