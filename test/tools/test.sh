#!/usr/bin/env bash
# The one command that installs everything and runs every test, from a fresh clone:
#
#   bash test/tools/test.sh        (also: npm test, .ci/run)
#
# Stages: npm ci, build (esbuild), compile (tsc), lint (eslint), unit tests (mocha), VS Code tools (code-server +
# Node 24 + chromium, skipped when present), integration tests in a real VS Code, the same in a generated
# 100,000-file monorepo, UI test.
# It keeps going after a failing stage so every count is printed, ends with one line
# `N passed, N failed` (unit + both integration runs + ui; a failed set-up stage counts as one failure)
# and exits non-zero if anything failed.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
RESULTS="$ROOT/test-results"
mkdir -p "$RESULTS"
rm -f "$RESULTS/unit.log" "$RESULTS/integration.json" "$RESULTS/integration-large.json" "$RESULTS/ui.json"
export SENTRY_EXPLORER_TEST_TIMEOUT_MS=${SENTRY_EXPLORER_TEST_TIMEOUT_MS:-600000}

PASSED=0
FAILED=0
SUMMARY=()
T_START=$SECONDS

banner() { printf '\n======== %s ========\n' "$1"; }
note() { SUMMARY+=("$(printf '%-12s %-28s %4ss' "$1" "$2" "$3")"); }

# set-up stage: a failure counts as one failed test so it can never go unnoticed
setup_stage() {
  local name=$1; shift
  banner "$name"
  local t=$SECONDS
  "$@"
  local rc=$?
  if [ "$rc" -eq 0 ]; then note "$name" ok $((SECONDS - t))
  else FAILED=$((FAILED + 1)); note "$name" "FAILED (exit $rc)" $((SECONDS - t)); fi
}

# read {passes, failures} from a results JSON file into P and F; false if absent/unreadable
read_counts() {
  local out
  out=$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (!Number.isInteger(r.passes) || !Number.isInteger(r.failures)) process.exit(1);
    console.log(r.passes + " " + r.failures)' "$1" 2>/dev/null) || return 1
  read -r P F <<<"$out"
}

add_counts() { # name passed failed seconds
  PASSED=$((PASSED + $2)); FAILED=$((FAILED + $3))
  note "$1" "$2 passed, $3 failed" "$4"
}

setup_stage "npm ci" npm ci --no-fund --no-audit
setup_stage "build" npm run build
setup_stage "compile" npx tsc -p .
# lint: ESLint with the layer rule (imports only go down), no warnings allowed; a failure counts as one failed test
setup_stage "lint" npm run lint

# ---- unit tests: mocha's own spec output, counts parsed from its epilogue
banner "unit tests"
t=$SECONDS
npx mocha 2>&1 | tee "$RESULTS/unit.log"
rc=${PIPESTATUS[0]}
P=$(sed -nE 's/^ *([0-9]+) passing.*/\1/p' "$RESULTS/unit.log" | tail -1)
F=$(sed -nE 's/^ *([0-9]+) failing.*/\1/p' "$RESULTS/unit.log" | tail -1)
P=${P:-0}; F=${F:-0}
if [ "$rc" -ne 0 ] && [ "$F" -eq 0 ]; then F=1; echo "unit tests: mocha exited with $rc before reporting a failure"; fi
add_counts "unit" "$P" "$F" $((SECONDS - t))

setup_stage "vscode tools" bash test/tools/setup-vscode-tools.sh

# ---- integration tests inside a real VS Code (code-server) via @vscode/test-electron's runTests
# a stage whose runner writes {passes, failures} to a JSON file; no file (a crash) counts as one failure
counted_stage() { # name title results-file command...
  local name=$1 title=$2 file=$3; shift 3
  banner "$title"
  local t=$SECONDS
  "$@"
  local rc=$?
  if read_counts "$file"; then
    [ "$rc" -ne 0 ] && [ "$F" -eq 0 ] && F=1
  else
    P=0; F=1; echo "$name: no results (exit $rc)"
  fi
  add_counts "$name" "$P" "$F" $((SECONDS - t))
}

# integration tests inside a real VS Code (code-server) via @vscode/test-electron's runTests
counted_stage "integration" "integration tests (VS Code)" "$RESULTS/integration.json" \
  timeout -k 15 1200 node out/test/integration/runTests.js
# the first jump to a frame in a 100,000-file monorepo generated at run time: its own workspace and events;
# prints the cold and warm jump times and the extension host's memory growth
counted_stage "integration-large" "integration tests in a 100,000-file monorepo (VS Code)" "$RESULTS/integration-large.json" \
  timeout -k 15 900 node out/test/integration/runTests.js --suite large --workspace large-monorepo --results "$RESULTS/integration-large.json"
# UI test: Playwright drives the workbench like a user
counted_stage "ui" "UI test (VS Code + chromium)" "$RESULTS/ui.json" \
  timeout -k 15 600 node out/test/ui/browseTree.ui.js

banner "summary ($((SECONDS - T_START))s)"
printf '%s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
