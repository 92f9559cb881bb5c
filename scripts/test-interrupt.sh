#!/usr/bin/env bash
# make test-interrupt: interrupt `terraform apply` (SIGINT) while it creates
# 8 destinations and 40 syncs, apply again, and check that it converges: the
# next plan is empty and the sandbox holds exactly what was configured, no
# duplicate and nothing missing. The sandbox's write hold stops the first
# apply part-way, with writes parked in the sandbox while the signal is sent,
# so the interruption lands at the same point on an idle or a busy machine.
set -euo pipefail

: "${TERRAFORM:?set by make}" "${BIN:?set by make}"
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"
trap 'stop_sandbox; rm -rf "$work"' EXIT
export TF_CLI_CONFIG_FILE="$BIN/dev.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
fail() { echo "test-interrupt: $*" >&2; exit 1; }
objects() { curl -fsS "$SANDBOX_URL/_sandbox/stats" | python3 -c 'import json,sys; o=json.load(sys.stdin)["objects"]; print(o["destinations"], o["syncs"])'; }

start_sandbox "$BIN" "$work/sandbox.log"
# The apply's writes: a dry run per destination while planning, the 8
# creates, then the 40 syncs. Past the 30th write, the rest wait in the
# sandbox: some syncs exist by then, most do not.
curl -fsS -X PUT -d '{"hold_writes_after": 30}' "$SANDBOX_URL/_sandbox/faults" >/dev/null

cat >"$work/main.tf" <<HCL
terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
  }
}

provider "amplitude" {
  access_token      = "amp_sandbox_admin"
  project_id        = "424242"
  developer_api_url = "$SANDBOX_URL/developer-api"
  api_key           = "sandbox-api-key"
  secret_key        = "sandbox-secret-key"
  base_url          = "$SANDBOX_URL/amplitude"
}

locals {
  sources = [["user_property", "plan"], ["user_property", "ltv"], ["user_property", "country"], ["computation", "cmp_ltv_90d"], ["computation", "cmp_sessions_7d"]]
}

resource "amplitude_braze_destination" "d" {
  count          = 8
  name           = "interrupted-\${count.index}"
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  braze_api_key  = "sandbox-braze-admin-key"
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_sync" "s" {
  count          = 40
  kind           = local.sources[count.index % 5][0]
  source_id      = local.sources[count.index % 5][1]
  destination_id = amplitude_braze_destination.d[floor(count.index / 5)].id
  cadence        = "daily"
}
HCL

step "terraform apply, interrupted with SIGINT while the sandbox holds its writes"
"$TERRAFORM" -chdir="$work" apply -auto-approve -input=false -no-color >"$work/first.out" 2>&1 &
apply_pid=$!
# GET /_sandbox/held answers once a write is parked. Wait for whichever ends
# first, the apply or that request: if the apply ends first, it never
# reached the hold.
curl -fsS "$SANDBOX_URL/_sandbox/held?at_least=1" >"$work/held.json" &
held_pid=$!
wait -n "$apply_pid" "$held_pid" || true
if ! kill -0 "$apply_pid" 2>/dev/null; then
  kill "$held_pid" 2>/dev/null || true
  tail -n 30 "$work/first.out"
  fail "apply finished before the sandbox held its writes"
fi
wait "$held_pid" || fail "GET /_sandbox/held failed"
read -r destinations syncs < <(objects)
echo "held: $(cat "$work/held.json"); (destinations, syncs) = ($destinations,$syncs)"
[[ $syncs -ge 1 && $syncs -lt 40 ]] || fail "the hold stopped the apply at $syncs syncs; want some but not all (the write count before the hold is off)"

kill -INT "$apply_pid"
# Release the parked writes only after Terraform has printed that it
# received the interrupt: from then on it starts no new operations, so the
# released writes cannot carry the interrupted apply to its end.
until grep -q 'Interrupt received' "$work/first.out"; do
  kill -0 "$apply_pid" 2>/dev/null || break
  sleep 0.1
done
curl -fsS -X PUT -d '{"hold_writes_after": 0}' "$SANDBOX_URL/_sandbox/faults" >/dev/null
set +e; wait "$apply_pid"; code=$?; set -e
grep -E 'Interrupt received|Stopping operation' "$work/first.out" | head -n 2
echo "the interrupted apply exited $code with (destinations, syncs) = ($(objects | tr ' ' ','))"
[[ $code != 0 ]] || fail "the interrupted apply reported success"

step "terraform apply again"
"$TERRAFORM" -chdir="$work" apply -auto-approve -input=false -no-color >"$work/second.out" 2>&1 || { tail -n 30 "$work/second.out"; fail "the second apply failed"; }
grep 'Apply complete' "$work/second.out"
set +e; "$TERRAFORM" -chdir="$work" plan -detailed-exitcode -input=false -no-color >"$work/plan.out" 2>&1; code=$?; set -e
[[ $code == 0 ]] || { cat "$work/plan.out"; fail "the plan after converging is not empty (exit $code)"; }
[[ "$(objects)" == "8 40" ]] || fail "the sandbox holds (destinations, syncs) = ($(objects)), want (8, 40)"
echo "converged: the plan is empty and the sandbox holds exactly 8 destinations and 40 syncs"
check_contract "$work/sandbox.log" || fail "the sandbox saw traffic off the contract in api/"
