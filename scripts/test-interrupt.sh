#!/usr/bin/env bash
# make test-interrupt: interrupt `terraform apply` (SIGINT) while it creates
# 8 destinations and 40 syncs against a slow sandbox, apply again, and check
# that it converges: the next plan is empty and the sandbox holds exactly
# what was configured, no duplicate and nothing missing.
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
curl -fsS -X PUT -d '{"latency_ms": 150}' "$SANDBOX_URL/_sandbox/faults" >/dev/null

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

step "terraform apply, interrupted with SIGINT once some syncs exist"
"$TERRAFORM" -chdir="$work" apply -auto-approve -input=false -no-color >"$work/first.out" 2>&1 &
apply_pid=$!
for _ in $(seq 300); do
  read -r _ syncs < <(objects)
  [[ $syncs -ge 5 ]] && break
  kill -0 "$apply_pid" 2>/dev/null || break
  sleep 0.1
done
kill -INT "$apply_pid" 2>/dev/null || fail "apply finished before it could be interrupted"
set +e; wait "$apply_pid"; code=$?; set -e
grep -E 'Interrupt received|Stopping operation' "$work/first.out" | head -n 2
echo "the interrupted apply exited $code with (destinations, syncs) = ($(objects | tr ' ' ','))"
[[ $code != 0 ]] || fail "the interrupted apply reported success"

step "terraform apply again"
curl -fsS -X PUT -d '{"latency_ms": 0}' "$SANDBOX_URL/_sandbox/faults" >/dev/null
"$TERRAFORM" -chdir="$work" apply -auto-approve -input=false -no-color >"$work/second.out" 2>&1 || { tail -n 30 "$work/second.out"; fail "the second apply failed"; }
grep 'Apply complete' "$work/second.out"
set +e; "$TERRAFORM" -chdir="$work" plan -detailed-exitcode -input=false -no-color >"$work/plan.out" 2>&1; code=$?; set -e
[[ $code == 0 ]] || { cat "$work/plan.out"; fail "the plan after converging is not empty (exit $code)"; }
[[ "$(objects)" == "8 40" ]] || fail "the sandbox holds (destinations, syncs) = ($(objects)), want (8, 40)"
echo "converged: the plan is empty and the sandbox holds exactly 8 destinations and 40 syncs"
check_contract "$work/sandbox.log" || fail "the sandbox saw traffic off the contract in api/"
