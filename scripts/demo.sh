#!/usr/bin/env bash
# make demo: start the sandbox on a free loopback port, apply examples/demo
# with the real Terraform CLI, show that a second plan is empty, change the
# destination out of band through the sandbox's API, show the plan catching
# the drift, and stop the sandbox.
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
cp "$repo"/examples/demo/*.tf "$work/"
cd "$work"
tf() { "$TERRAFORM" "$@"; }

step "terraform apply (the providers come from bin/ through dev_overrides in bin/dev.tfrc)"
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

step "Demo done: applied, planned clean, caught the drift"
