#!/usr/bin/env bash
# make demo: start the sandbox on a free loopback port; make a Braze event
# stream there as someone in the dashboards would, find it with terraform
# query and adopt it; apply examples/demo with the real Terraform CLI, show
# that a second plan is empty, change the destination out of band through
# the sandbox's API, show the plan catching the drift, and stop the sandbox.
set -euo pipefail

: "${TERRAFORM:?set by make demo}" "${BIN:?set by make demo}"
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"

cleanup() {
  if [[ -n "${SANDBOX_PID:-}" ]]; then
    step "Stopping the sandbox"
    stop_sandbox
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step "Building and starting the sandbox on a free loopback port"
start_sandbox "$BIN" "$work/sandbox.log"
cat "$work/sandbox.log"
base=$SANDBOX_URL

export TF_CLI_CONFIG_FILE="$BIN/dev.tfrc" TF_IN_AUTOMATION=1
export TF_VAR_amplitude_base_url="$base/amplitude" TF_VAR_amplitude_developer_api_url="$base/developer-api" TF_VAR_braze_rest_endpoint="$base/braze"
cp "$repo"/examples/demo/*.tf "$repo"/examples/demo/*.tfquery.hcl "$work/"
cd "$work"
tf() { "$TERRAFORM" "$@"; }

step "Someone makes a Braze key and an event stream in the dashboards, outside Terraform"
key=$(curl -fsS -X POST -H 'Authorization: Bearer sandbox-braze-admin-key' -H 'Content-Type: application/json' "$base/braze/api_keys/create" \
  -d '{"name":"dashboard-stream","permissions":["users.track"],"allowed_ips":[]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"]["key"])')
curl -fsS -X POST -H 'Authorization: Bearer PAT=amp_sandbox_admin' -H 'Content-Type: application/json' "$base/developer-api/v1/projects/424242/destinations" -d @- >/dev/null <<JSON
{"partner": "braze", "display_name": "braze-dashboard-stream", "kind": ["event", "identify"], "enabled": true,
 "send_events": true, "send_users": false,
 "config": {"api_endpoint": "https://rest.iad-05.braze.com", "api_key": "$key", "app_id": "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b",
            "update_users_only": false, "user_id_mapping": {"amplitude_property": "user_id", "braze_identifier": "external_id"}}}
JSON
echo "POST $base/developer-api/v1/projects/424242/destinations  (braze-dashboard-stream)"
# The one thing the dashboards never show again, and so what the user brings.
export TF_VAR_dashboard_stream_braze_key=$key

step "terraform query finds it"
tf query -no-color >query.txt 2>&1 || { cat query.txt; exit 1; }
grep '^list\.' query.txt

step "terraform query -generate-config-out=adopted.tf writes its configuration; the demo adds only its Braze key, write-only"
tf query -generate-config-out=adopted.tf >/dev/null 2>&1
fill_generated adopted.tf amplitude_braze_destination braze_api_key_wo var.dashboard_stream_braze_key
fill_generated adopted.tf amplitude_braze_destination braze_api_key_wo_version 1
cat adopted.tf

step "terraform apply: adopts the stream, sending its key once, and creates the rest (the providers come from bin/ through dev_overrides in bin/dev.tfrc)"
tf apply -auto-approve -input=false -compact-warnings

step "terraform plan again: nothing changed, so the plan is empty"
set +e
tf plan -detailed-exitcode -input=false >plan.txt 2>&1
code=$?
set -e
grep -E 'No changes|Plan:' plan.txt
[[ $code == 0 ]] || { cat plan.txt; echo "expected an empty plan (exit 0), got exit $code" >&2; exit 1; }

step "Changing the destination out of band, as someone in Amplitude's dashboard would"
id=$(tf output -raw destination_id)
url="$base/developer-api/v1/projects/424242/destinations/$id"
echo "PATCH $url  (disabled, and sending only Purchase events)"
# The Developer API merges what a PATCH sends: the rest, the Braze key
# included, stays as it is.
curl -fsS -X PATCH -H 'Authorization: Bearer PAT=amp_sandbox_admin' -H 'Content-Type: application/json' "$url" -d @- >/dev/null <<'JSON'
{
  "enabled": false,
  "event_filter": {"events": ["Purchase"],
                   "property_filters": {"conditions": [{"property": "country", "operator": "is", "values": ["US", "CA"]}]}}
}
JSON

step "terraform plan: the drift shows"
set +e
tf plan -detailed-exitcode -input=false -no-color >plan.txt 2>&1
code=$?
set -e
sed -n '/Terraform will perform/,/Plan:/p' plan.txt
[[ $code == 2 ]] || { cat plan.txt; echo "expected the plan to catch the drift (exit 2), got exit $code" >&2; exit 1; }

step "Demo done: adopted a stream made in the dashboard, applied, planned clean, caught the drift"
