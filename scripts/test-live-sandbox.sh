#!/usr/bin/env bash
# Proves make test-live without the internet: starts the sandbox as a
# separate process, names it in the providers' own environment variables
# as if it were the vendors (no test uses a control endpoint), and runs
# scripts/test-live.sh against it. Then it checks that the run left no
# prefixed object active, that no secret reached the log, and prints the
# vendor requests the run cost (from the sandbox's statistics, read here
# by the harness, not by any test). Last it interrupts a live run, as
# Ctrl-C would, once it has made objects, and checks that the run's sweep
# removed them. Needs TERRAFORM and CLI_CONFIG.
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

step "vendor requests of the run"
curl -fsS "$SANDBOX_URL/_sandbox/stats" | python3 -c '
import json, sys
stats = json.load(sys.stdin)["requests"]
total = sum(stats["by_method"].values())
print("vendor requests:", total)
hosts = {}
for route, n in stats["by_route"].items():
    method, path = route.split()
    key = path.split("/")[1] + " " + method
    hosts[key] = hosts.get(key, 0) + n
for key in sorted(hosts):
    print("  %-22s %d" % (key, hosts[key]))
'

step "the run left nothing of its prefix acting"
prefix=$(sed -n 's/^live run: every object this run makes is named \(tfacc-[0-9a-f]*-\)….*/\1/p' "$dir/live.out")
go run ./tools/live sweep "$prefix" | tee "$dir/sweep.out"
if grep -q ': disabled$\|: deleted$' "$dir/sweep.out"; then
  echo "a second sweep of $prefix still found objects to remove" >&2
  exit 1
fi
echo "ok  a second sweep of $prefix finds nothing left to disable or delete"

step "the tests of modelled endpoints run live when the hosts serve them"
TF_ACC_LIVE_MODELLED=1 LIVE_RUN='^TestAccAPIKey_lifecycle$' LIVE_LOG=$dir/modelled.log ./scripts/test-live.sh | tee "$dir/modelled.out"
grep -q '^--- PASS: TestAccAPIKey_lifecycle' "$dir/modelled.out" ||
  { echo "TestAccAPIKey_lifecycle did not run with TF_ACC_LIVE_MODELLED=1" >&2; exit 1; }

step "an interrupted live run sweeps what it made"
# With job control the run gets a process group of its own, and SIGINT is
# not ignored in it (as it is in a background job without), so that the
# interrupt reaches go test, the test binaries and Terraform as a Ctrl-C
# in a terminal does.
set -m
LIVE_RUN='^TestAcc(UserProperty|BrazeDestination)_lifecycle$' LIVE_LOG=$dir/interrupted.log ./scripts/test-live.sh >"$dir/interrupted.out" 2>&1 &
runner=$!
set +m
listed() {
  curl -fsS -H "Authorization: Bearer $AMPLITUDE_ACCESS_TOKEN" \
    "$AMPLITUDE_DEVELOPER_API_URL/v1/projects/$AMPLITUDE_PROJECT_ID/$1?limit=200" | grep -c "\"$2" || true
}
prefix=
until [[ -n "$prefix" ]] && (( $(listed user-properties "$prefix") > 0 && $(listed destinations "$prefix") > 0 )); do
  kill -0 "$runner" 2>/dev/null || { cat "$dir/interrupted.out"; echo "the run ended before it made its objects" >&2; exit 1; }
  prefix=$(sed -n 's/^live run: every object this run makes is named \(tfacc-[0-9a-f]*-\)….*/\1/p' "$dir/interrupted.out")
  sleep 0.2
done
kill -INT -- "-$runner"
wait "$runner" && { echo "the interrupted run reported success" >&2; exit 1; }
grep '^sweep' "$dir/interrupted.out"
# The destination lives from the test's first step to its destroy, which
# the interrupt stopped; the user property may be between an out-of-band
# delete and its re-creation when the interrupt lands.
grep -q "^sweep $prefix: destination .*\"${prefix}braze-prod-stream.*: disabled" "$dir/interrupted.out" ||
  { cat "$dir/interrupted.out"; echo "the sweep did not disable the interrupted run's destination" >&2; exit 1; }
go run ./tools/live sweep "$prefix" >"$dir/sweep.out"
if grep -q ': disabled$\|: deleted$' "$dir/sweep.out"; then
  cat "$dir/sweep.out"
  echo "a second sweep of $prefix still found objects to remove" >&2
  exit 1
fi
echo "ok  the interrupted run's sweep disabled its destination; a second sweep finds nothing to remove"

step "no run's output or log holds a secret"
for name in AMPLITUDE_ACCESS_TOKEN AMPLITUDE_SECRET_KEY BRAZE_API_KEY; do
  if grep -qF -- "${!name}" "$dir"/{go-test,modelled,interrupted}.log "$dir"/*.out; then
    echo "the value of $name appears in a live run's output" >&2
    exit 1
  fi
done
echo "ok  no value of AMPLITUDE_ACCESS_TOKEN, AMPLITUDE_SECRET_KEY or BRAZE_API_KEY is in the runs' output and logs"
