#!/usr/bin/env bash
# Sums the results of every TRX file under a folder (default artifacts/test-results).
# Prints one line per file, then as the LAST line exactly: "N passed, N failed, N skipped".
# Exit code: 1 when a test failed or no result file exists, else 0.
set -uo pipefail

dir="${1:-artifacts/test-results}"
shopt -s nullglob
files=("$dir"/*.trx)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no test results (*.trx) in $dir"
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi

# <Counters total=".." executed=".." passed=".." failed=".." error=".." timeout=".." aborted=".." notExecuted=".." .../>
counter() { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }

total_passed=0 total_failed=0 total_skipped=0
for f in "${files[@]}"; do
  passed=$(counter "$f" passed)
  failed=$(( $(counter "$f" failed) + $(counter "$f" error) + $(counter "$f" timeout) + $(counter "$f" aborted) ))
  skipped=$(counter "$f" notExecuted)
  printf '  %-60s %4d passed, %d failed, %d skipped\n' "$(basename "$f")" "$passed" "$failed" "$skipped"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
done

# Name every failed test (so a CI log's tail says which one), then the summary line.
for f in "${files[@]}"; do
  grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*' "$f" \
    | grep -o 'testName="[^"]*"' | sed -e 's/^testName="/  FAILED: /' -e 's/"$//' -e "s/&quot;/\"/g" -e "s/&amp;/\&/g" || true
done

echo "${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
[ "$total_failed" -eq 0 ]
