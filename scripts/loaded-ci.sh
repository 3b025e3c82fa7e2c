#!/usr/bin/env bash
# The reliability check of the suite (issue 15): .ci/run on a clean clone while another process keeps every core busy.
#   scripts/loaded-ci.sh [COMMIT] [PASSES]     default: HEAD, 3 passes one after another
# Each pass clones this repository at COMMIT into a temporary folder (with ../shared linked beside it), starts `stress-ng --cpu <cores>` for the whole
# run and prints the run's last line (N passed, N failed, N skipped); the logs stay in artifacts/loaded-ci/.
# Exits non-zero as soon as a pass fails. Nothing else may use make start's ports meanwhile (NewcomerPathTests).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
commit="$(git rev-parse --short "${1:-HEAD}")" || exit 2
passes="${2:-3}"
command -v stress-ng >/dev/null 2>&1 || { echo "stress-ng is missing: apt-get install stress-ng" >&2; exit 2; }
logs="$ROOT/artifacts/loaded-ci"; mkdir -p "$logs"
load="" run="" parent=""
# Neither the load, a pass nor its clone outlives the script (a pass runs in its own process group: the whole group is stopped).
trap '[ -n "$load" ] && kill "$load" 2>/dev/null; [ -n "$run" ] && kill -- "-$run" 2>/dev/null; [ -n "$parent" ] && rm -rf "$parent"' EXIT
trap 'exit 130' INT TERM
for pass in $(seq 1 "$passes"); do
  # The clone gets the reference material beside it, as the repository has (../shared: the tests read it or skip).
  parent="$(mktemp -d /tmp/toolkit-loaded-ci-XXXXXX)"
  clone="$parent/repo"
  [ -d "$ROOT/../shared" ] && ln -s "$(cd "$ROOT/../shared" && pwd)" "$parent/shared"
  git clone -q "$ROOT" "$clone" && git -C "$clone" checkout -q "$commit" || exit 2
  stress-ng --cpu "$(nproc)" --quiet & load=$!
  started=$(date +%s)
  setsid bash -c 'cd "$1" && exec bash .ci/run' _ "$clone" >"$logs/$commit-$pass.log" 2>&1 & run=$!
  wait "$run"; status=$?; run=""
  kill "$load" 2>/dev/null; wait "$load" 2>/dev/null; load=""
  echo "pass $pass of $passes at $commit: $(tail -n 1 "$logs/$commit-$pass.log") ($(( $(date +%s) - started )) s, log $logs/$commit-$pass.log)"
  rm -rf "$parent"
  [ "$status" = 0 ] || exit 1
done
