#!/usr/bin/env bash
# make test-adopt: the guide "Adopting an existing pipeline", end to end,
# against objects made out of band in a sandbox of its own, the way someone
# in the two dashboards makes them (direct calls to the vendor APIs, never
# Terraform). Under Terraform: terraform query over every type, the
# configuration it generates validated, the secrets added in write-only form,
# the apply that imports, and the plan after it; an import by identity; the
# amplitude_destination_test action passing, then failing once the stream's
# Braze key is deleted in Braze. Under OpenTofu, which has no query: the
# amplitude_destinations data source feeding import blocks, then an empty
# plan. The folders it runs are the guide's own, under examples/.
set -euo pipefail

: "${TERRAFORM:?set by make}" "${TOFU:?set by make}" "${BIN:?set by make}"
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"
# KEEP_WORK=1 keeps the working folders, to read what a failed run wrote.
trap 'stop_sandbox; [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$work"' EXIT
export TF_CLI_CONFIG_FILE="$BIN/dev.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
fail() { echo "test-adopt: $*" >&2; exit 1; }
started=$SECONDS

start_sandbox "$BIN" "$work/sandbox.log"

# The providers take everything from the environment, as the guide's
# providers.tf says.
sandbox_as_vendor

# braze_call, developer_call, syncs_call METHOD PATH [BODY]: one call to a
# vendor API of the sandbox, as a dashboard makes it, printing the answer;
# any refusal fails. A Developer API write's Idempotency-Key is a digest of
# the write, so that only a repeat of the same write could reuse it.
developer=$SANDBOX_URL/developer-api/v1/projects/424242
braze_call() {
  curl -fsS -X "$1" -H 'Authorization: Bearer sandbox-braze-admin-key' -H 'Content-Type: application/json' "$SANDBOX_URL/braze$2" ${3:+-d "$3"}
}
developer_call() {
  local key
  key=$(printf '%s ' "$@" | sha256sum | cut -c1-32)
  curl -fsS -X "$1" -H 'Authorization: Bearer PAT=amp_sandbox_admin' -H 'Content-Type: application/json' \
    -H "Idempotency-Key: test-adopt-$key" "$developer$2" ${3:+-d "$3"}
}
syncs_call() {
  curl -fsS -X "$1" -u sandbox-api-key:sandbox-secret-key -H 'Content-Type: application/json' "$SANDBOX_URL/amplitude$2" ${3:+-d "$3"}
}
field() { python3 -c 'import json,sys; v=json.load(sys.stdin); [v := v[k] for k in sys.argv[1].split(".")]; print(v)' "$1"; }

step "Out of band: a Braze key, the three kinds of destination, a tracking plan and a sync"
stream_key_json=$(braze_call POST /api_keys/create '{"name":"amplitude-stream","permissions":["users.track"],"allowed_ips":["52.33.3.219","35.162.216.242","52.27.10.221"]}')
stream_key=$(field api_key.key <<<"$stream_key_json")
stream_key_id=$(field api_key.id <<<"$stream_key_json")
import_key=dik-5e6f7a8b9c0d1e2f
webhook_token=whk-0a1b2c3d4e5f6a7b
stream_id=$(developer_call POST /destinations '{"partner":"braze","display_name":"braze-prod-stream","kind":["event","identify"],
  "enabled":true,"send_events":true,"send_users":false,"event_filter":{"events":["Checkout Started"]},
  "config":{"api_endpoint":"https://rest.iad-05.braze.com","api_key":"'"$stream_key"'","app_id":"7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b",
            "update_users_only":false,"user_id_mapping":{"amplitude_property":"user_id","braze_identifier":"external_id"}}}' | field data.id)
cohorts_id=$(developer_call POST /destinations '{"partner":"braze","display_name":"braze-cohorts","kind":["cohort"],
  "config":{"api_endpoint":"https://rest.iad-05.braze.com","data_import_key":"'"$import_key"'",
            "identifier_mappings":[{"amplitude_property":"user_id","braze_identifier":"external_id"}]}}' | field data.id)
webhook_id=$(developer_call POST /destinations '{"partner":"webhook","display_name":"warehouse-webhook",
  "config":{"url":"https://hooks.example.com/amplitude","auth_token":"'"$webhook_token"'"}}' | field data.id)
developer_call POST /events '{"event_type":"Checkout Started","description":"A user opened the checkout."}' >/dev/null
developer_call POST "/events/Checkout%20Started/event-properties" '{"property_name":"cart_value","data_type":"number","description":"The cart total."}' >/dev/null
developer_call POST /user-properties '{"property_name":"loyalty_tier","data_type":"enum","enum_values":["gold","silver"],"description":"The tier of the loyalty program."}' >/dev/null
sync_id=$(syncs_call POST /api/2/syncs '{"name":"loyalty-to-braze","kind":"user_property","source_id":"loyalty_tier","destination_id":"'"$stream_id"'","cadence":"daily","enabled":true}' | field data.id)
echo "key $stream_key_id; destinations $stream_id (stream), $cohorts_id (cohorts), $webhook_id (webhook); sync $sync_id"

step "terraform query over every type ($("$TERRAFORM" version | head -n 1))"
dir=$work/adopt
mkdir -p "$dir"
# The guide's first step: its providers and query files; secrets.tf comes
# once the configuration is generated.
cp "$repo"/examples/adopt/providers.tf "$repo"/examples/adopt/*.tfquery.hcl "$dir/"
tf() { "$TERRAFORM" -chdir="$dir" "$@"; }
tf init -input=false >/dev/null
# writes: the vendor requests so far that were not reads.
writes() { curl -fsS "$SANDBOX_URL/_sandbox/stats" | python3 -c 'import json,sys; m=json.load(sys.stdin)["requests"]["by_method"]; print(sum(n for k, n in m.items() if k != "GET"))'; }
writes_before=$(writes)
tf query -no-color >"$dir/query.out" 2>&1 || { cat "$dir/query.out"; fail "terraform query failed"; }
cat "$dir/query.out"
# expect_listed LIST IDENTITY NAME: a result of LIST has IDENTITY among its
# identity's values (KEY=VALUE) and NAME as its display name.
expect_listed() {
  grep -E "^list\.$1 +(.*,)?$2[, ].* $3\$" "$dir/query.out" >/dev/null || fail "terraform query did not list $1 $2 \"$3\""
}
expect_listed braze_api_key.streaming "id=$stream_key_id" amplitude-stream
expect_listed amplitude_braze_destination.all "id=$stream_id" braze-prod-stream
expect_listed amplitude_braze_cohort_destination.all "id=$cohorts_id" braze-cohorts
expect_listed amplitude_destination.webhooks "id=$webhook_id" warehouse-webhook
expect_listed amplitude_sync.user_properties "id=$sync_id" loyalty-to-braze
expect_listed amplitude_event_type.checkout "name=Checkout Started" "Checkout Started"
expect_listed amplitude_event_property.checkout_started name=cart_value cart_value
expect_listed amplitude_user_property.loyalty name=loyalty_tier loyalty_tier
echo "ok  every object made out of band is listed under its dashboard name"

step "terraform query -generate-config-out, then terraform validate"
tf query -generate-config-out=adopted.tf -no-color >/dev/null
[[ $(writes) == "$writes_before" ]] || fail "terraform query wrote to the vendors: $(($(writes) - writes_before)) requests that are not reads"
echo "ok  the two queries sent the vendors reads only"
cat "$dir/adopted.tf"
tf validate -no-color
imports=$(grep -c '^import {' "$dir/adopted.tf")
by_identity=$(grep -c '^  identity = {' "$dir/adopted.tf")
[[ $imports -ge 8 && $imports == "$by_identity" ]] || fail "$by_identity of $imports generated import blocks name their object by identity"
echo "ok  the $imports generated import blocks import by identity"

step "The user adds only the secrets, in write-only form"
cp "$repo"/examples/adopt/secrets.tf "$dir/"
fill_generated "$dir/adopted.tf" amplitude_braze_destination braze_api_key_wo var.braze_stream_api_key
fill_generated "$dir/adopted.tf" amplitude_braze_destination braze_api_key_wo_version 1
fill_generated "$dir/adopted.tf" amplitude_braze_cohort_destination data_import_key_wo var.braze_data_import_key
fill_generated "$dir/adopted.tf" amplitude_braze_cohort_destination data_import_key_wo_version 1
fill_generated "$dir/adopted.tf" amplitude_destination secret_config_wo '{ auth_token = var.webhook_auth_token }'
fill_generated "$dir/adopted.tf" amplitude_destination secret_config_wo_version 1
tf fmt adopted.tf >/dev/null
export TF_VAR_braze_stream_api_key=$stream_key TF_VAR_braze_data_import_key=$import_key TF_VAR_webhook_auth_token=$webhook_token

step "terraform apply: imports everything"
tf plan -input=false -no-color -out=adopt.tfplan >"$dir/adopt-plan.out"
sed -n '/Terraform will perform/,$p' "$dir/adopt-plan.out"
# What the adopting plan may do, and nothing more: import the key, and
# import each destination with an update that sends only its secret (the
# version number the user added is the one configured change; the other
# changes are values Amplitude sets on any write).
tf show -json adopt.tfplan >"$dir/adopt-plan.json"
python3 - "$dir/adopt-plan.json" <<'PY' || fail "the adopting plan does more than import and send the secrets"
import json, sys
plan = json.load(open(sys.argv[1]))
written_by_amplitude = {"credential_status", "paused", "updated_at", "version"}
secret_version = {"amplitude_braze_destination": "braze_api_key_wo_version",
                  "amplitude_braze_cohort_destination": "data_import_key_wo_version",
                  "amplitude_destination": "secret_config_wo_version"}
for rc in plan["resource_changes"]:
    change, kind = rc["change"], rc["type"]
    if "importing" not in change:
        sys.exit(f"{rc['address']} is not imported: {change['actions']}")
    changed = {k for k in set(change["before"]) | set(change["after"]) | set(change["after_unknown"])
               if change["before"].get(k) != change["after"].get(k) or change["after_unknown"].get(k) is True}
    if kind in secret_version:
        want = {secret_version[kind]}
        if change["actions"] != ["update"] or not want <= changed <= want | written_by_amplitude or change["after"][secret_version[kind]] != 1:
            sys.exit(f"{rc['address']}: {change['actions']} changing {sorted(changed)}; want an update of {sorted(want)} (and {sorted(written_by_amplitude)}, unknown until Amplitude answers)")
    elif change["actions"] != ["no-op"] or changed:
        sys.exit(f"{rc['address']}: {change['actions']} changing {sorted(changed)}; want an import and nothing else")
    print(f"ok  {rc['address']}: {'import, and an update that sends only the secret' if kind in secret_version else 'import only'}")
PY
tf apply -input=false -no-color adopt.tfplan >"$dir/apply.out" 2>&1 || { cat "$dir/apply.out"; fail "the adopting apply failed"; }
grep -E '^Apply complete' "$dir/apply.out"

step "terraform plan -detailed-exitcode after the import"
set +e
tf plan -input=false -no-color -detailed-exitcode >"$dir/after.out" 2>&1
code=$?
set -e
sed -n '/No changes\|Terraform will perform/,$p' "$dir/after.out"
[[ $code == 0 ]] || fail "the plan after adopting is not empty (exit $code)"
echo "ok  the plan after adopting is empty"

step "The write-only secrets were sent, and nothing of them is in state"
for secret in "$stream_key" "$import_key" "$webhook_token"; do
  if grep -qF -- "$secret" "$dir/terraform.tfstate"; then fail "a secret ending ${secret: -4} is in terraform.tfstate"; fi
done
echo "ok  none of the three secrets is in terraform.tfstate"

step "The amplitude_destination_test action on the adopted stream, passing"
cp "$repo"/examples/adopt/check.tf "$dir/"
invoke() { tf apply -input=false -no-color -auto-approve -invoke=action.amplitude_destination_test.stream >"$dir/invoke.out" 2>&1; }
invoke || { cat "$dir/invoke.out"; fail "the action failed on a stream whose Braze key exists"; }
grep -E 'test passed|Apply complete' "$dir/invoke.out"
grep -q "braze-prod-stream.*test passed" "$dir/invoke.out" || fail "the action did not report Amplitude's passing test of the stream"

step "...and failing once the stream's Braze key is deleted in Braze's dashboard"
braze_call DELETE /api_keys/delete '{"api_key_id":"'"$stream_key_id"'"}' >/dev/null
if invoke; then cat "$dir/invoke.out"; fail "the action passed on a stream whose Braze key is deleted"; fi
sed -n '/Error/,$p' "$dir/invoke.out"
grep -q "$stream_id\|braze-prod-stream" "$dir/invoke.out" || fail "the action's error does not name the destination"
echo "ok  the action fails, naming the destination"

step "OpenTofu ($("$TOFU" version | head -n 1)): the amplitude_destinations data source feeding import blocks"
# A sandbox back at its seed, with two event streams made in the dashboard
# that share the settings the guide's OpenTofu example writes.
curl -fsS -X POST "$SANDBOX_URL/_sandbox/reset" >/dev/null
tofu_key=$(braze_call POST /api_keys/create '{"name":"amplitude-stream","permissions":["users.track"],"allowed_ips":[]}' | field api_key.key)
for stream in us-stream:true eu-stream:false; do
  developer_call POST /destinations '{"partner":"braze","display_name":"'"${stream%%:*}"'","kind":["event"],
    "enabled":'"${stream##*:}"',"send_events":true,"send_users":false,
    "config":{"api_endpoint":"https://rest.iad-05.braze.com","api_key":"'"$tofu_key"'","app_id":"7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b",
              "update_users_only":false,"user_id_mapping":{"amplitude_property":"user_id","braze_identifier":"external_id"}}}' >/dev/null
done
tofu_dir=$work/adopt-opentofu
mkdir -p "$tofu_dir"
cp "$repo"/examples/adopt/providers.tf "$repo"/examples/amplitude/data-sources/amplitude_destinations/data-source.tf "$tofu_dir/"
tofu() { "$TOFU" -chdir="$tofu_dir" "$@"; }
tofu plan -input=false -no-color -out=adopt.tfplan >"$tofu_dir/plan.out" 2>&1 || { cat "$tofu_dir/plan.out"; fail "tofu plan failed"; }
grep -E '^Plan:' "$tofu_dir/plan.out"
tofu show -json adopt.tfplan >"$tofu_dir/plan.json"
python3 - "$tofu_dir/plan.json" <<'PY' || fail "OpenTofu's adopting plan does more than import the two streams"
import json, sys
changes = json.load(open(sys.argv[1]))["resource_changes"]
names = sorted(rc["change"]["after"]["name"] for rc in changes)
if names != ["eu-stream", "us-stream"]:
    sys.exit(f"the plan adopts {names}, want eu-stream and us-stream")
for rc in changes:
    if rc["change"]["actions"] != ["no-op"] or "importing" not in rc["change"]:
        sys.exit(f"{rc['address']}: {rc['change']['actions']}, want an import and nothing else")
    print(f"ok  {rc['address']}: import only")
PY
tofu apply -input=false -no-color adopt.tfplan >"$tofu_dir/apply.out" 2>&1 || { cat "$tofu_dir/apply.out"; fail "tofu apply failed"; }
set +e
tofu plan -input=false -no-color -detailed-exitcode >"$tofu_dir/after.out" 2>&1
code=$?
set -e
[[ $code == 0 ]] || { cat "$tofu_dir/after.out"; fail "OpenTofu's plan after adopting is not empty (exit $code)"; }
echo "ok  OpenTofu's plan after adopting is empty"

check_contract "$work/sandbox.log" || fail "the sandbox saw traffic off the contract in api/"
step "adopt: all checks passed in $((SECONDS - started)) s"
