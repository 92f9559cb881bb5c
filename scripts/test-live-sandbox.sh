#!/usr/bin/env bash
# Proves make test-live without the internet: starts the sandbox as a
# separate process, names it in the providers' own environment variables
# as if it were the vendors (no test uses a control endpoint), and runs
# scripts/test-live.sh against it. Then it checks that the run left no
# prefixed object active, that no secret reached the log, and prints the
# vendor requests the run cost (from the sandbox's statistics, read here
# by the harness, not by any test). Needs TERRAFORM and CLI_CONFIG.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

dir=$(mktemp -d)
trap 'stop_sandbox; rm -rf "$dir"' EXIT
start_sandbox "$dir" "$dir/sandbox.log"
sandbox_as_vendor

step "live mode against the sandbox at $SANDBOX_URL"
LIVE_LOG=$dir/go-test.log ./scripts/test-live.sh | tee "$dir/live.out"
check_contract "$dir/sandbox.log"

step "the run's log holds no secret"
for name in AMPLITUDE_ACCESS_TOKEN AMPLITUDE_SECRET_KEY; do
  if grep -qF -- "${!name}" "$dir/go-test.log" "$dir/live.out"; then
    echo "the value of $name appears in the live run's output" >&2
    exit 1
  fi
done
echo "ok  neither AMPLITUDE_ACCESS_TOKEN's nor AMPLITUDE_SECRET_KEY's value is in the output"

step "the run left nothing of its prefix acting"
prefix=$(sed -n 's/^live run: every object this run makes is named \(tfacc-[0-9a-f]*-\)….*/\1/p' "$dir/live.out")
go run ./tools/live sweep "$prefix" | tee "$dir/sweep.out"
if grep -q ': disabled$\|: deleted$' "$dir/sweep.out"; then
  echo "a second sweep of $prefix still found objects to remove" >&2
  exit 1
fi
echo "ok  a second sweep of $prefix finds nothing left to disable or delete"

step "vendor requests of the run"
curl -fsS "$SANDBOX_URL/_sandbox/stats" | python3 -c '
import json, sys
stats = json.load(sys.stdin)["requests"]
total = sum(stats["by_method"].values())
print("vendor requests:", total, {m: n for m, n in stats["by_method"].items() if n})
hosts = {}
for route, n in stats["by_route"].items():
    host = route.split()[1].split("/")[1]
    hosts[host] = hosts.get(host, 0) + n
print("by host:", hosts)
'
