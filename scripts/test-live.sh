#!/usr/bin/env bash
# make test-live: the acceptance tests that opted in (acctest.NewTarget)
# against the hosts and credentials the providers' environment variables
# name. The settings are checked with read-only calls before anything is
# written; every object made carries one run prefix, and a sweep by that
# prefix runs at the end however the tests end (failure, Ctrl-C), and
# reports what it could not remove. Needs TERRAFORM and CLI_CONFIG.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/live" ./tools/live

# Refuses to start, naming what is missing or wrong; prints the prefix.
prefix=$("$work/live" preflight)
echo "live run: every object this run makes is named $prefix…"

sweep() {
  local status=$?
  trap - EXIT INT TERM
  echo "live run: sweeping $prefix"
  "$work/live" sweep "$prefix" || status=1
  rm -rf "$work"
  exit "$status"
}
trap sweep EXIT
trap 'exit 130' INT TERM

log=${LIVE_LOG:-${TMPDIR:-/tmp}/test-live-$prefix.log}
echo "live run: go test log in $log"
set +e
TF_ACC=1 TF_ACC_LIVE=1 TF_ACC_LIVE_PREFIX=$prefix TF_ACC_TERRAFORM_PATH=$TERRAFORM TF_CLI_CONFIG_FILE=$CLI_CONFIG \
  go test -count=1 -v -timeout 40m -run "${LIVE_RUN:-^TestAcc}" ./internal/provider/... >"$log" 2>&1
status=$?
set -e
# One line per test: what ran live, what skipped and why, what failed.
grep -E '^\s*--- (PASS|FAIL|SKIP)|^\s+\S+\.go:[0-9]+: live mode:|^(ok|FAIL)\s' "$log" | grep -vE '^\s+--- (PASS|SKIP): .*/' | awk '!seen[$0]++' || true
echo "live run: $(grep -cE '^--- PASS' "$log") passed, $(grep -cE '^--- SKIP' "$log") skipped, $(grep -cE '^--- FAIL' "$log") failed"
if (( status != 0 )); then
  grep -E -B2 -A20 '^\s*--- FAIL' "$log" | head -200
fi
exit "$status"
