#!/usr/bin/env bash
# make test-examples: with the built providers (bin/, through dev_overrides)
# and a fresh sandbox, validate every example folder, apply examples/complete,
# and test examples/ci/drift-check.sh. The drift check must exit 0 on a clean
# workspace, 2 after an out-of-band change (naming the resource), and 1 with
# broken credentials, and no run may leave a plan, plan JSON or log behind.
# Then destroy, and check that nothing is left behind. Last, delete a
# destination's Braze key in Braze: the drift check must exit 2, whether the
# key is held as a sensitive attribute or in its write-only form.
set -euo pipefail

: "${TERRAFORM:?set by make}" "${BIN:?set by make}"
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"
trap 'stop_sandbox; rm -rf "$work"' EXIT

export TF_CLI_CONFIG_FILE="$BIN/dev.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
tf() { "$TERRAFORM" "$@"; }
fail() { echo "test-examples: $*" >&2; exit 1; }

start_sandbox "$BIN" "$work/sandbox.log"
api="$SANDBOX_URL/amplitude"
cp -r "$repo/examples" "$work/examples"

step "terraform validate on every example folder"
providers='terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
    braze     = { source = "ampbraze/braze" }
  }
}'
while IFS= read -r dir; do
  # Examples laid out for the registry's docs are fragments without
  # required_providers: give them the providers' sources so they validate.
  grep -qs required_providers "$dir"/*.tf || echo "$providers" >"$dir/providers_for_validate.tf"
  # dev_overrides replace init's provider installation, which would ask the
  # registry; local modules still need installing, which `get` does.
  tf -chdir="$dir" get >"$work/get.log" 2>&1 || { cat "$work/get.log"; fail "module installation failed in ${dir#"$work"/}"; }
  tf -chdir="$dir" validate -no-color >"$work/validate.log" 2>&1 || { cat "$work/validate.log"; fail "validate failed in ${dir#"$work"/}"; }
  echo "ok  ${dir#"$work"/}"
# examples/adopt is a guide's steps, whose later files refer to the
# configuration terraform query generates: make test-adopt runs them in turn.
done < <(find "$work/examples" -path "$work/examples/adopt" -prune -o -name '*.tf' -printf '%h\n' | sort -u)

step "terraform apply examples/complete: two workspaces through provider aliases"
complete="$work/examples/complete"
write_tfvars() { # write_tfvars SECRET_KEY
  sed -e "s#http://127.0.0.1:8089#$SANDBOX_URL#" -e "s#\"sandbox-secret-key\"#\"$1\"#" \
    "$complete/sandbox.tfvars.example" >"$complete/terraform.tfvars"
}
write_tfvars sandbox-secret-key
tf -chdir="$complete" apply -auto-approve -input=false -no-color >"$work/apply.log" 2>&1 || { cat "$work/apply.log"; fail "apply failed"; }
grep 'Apply complete' "$work/apply.log"

# config_files DIR lists the configuration folder's files with their
# checksums (.terraform/ aside, which Terraform manages).
config_files() { (cd "$1" && find . -path ./.terraform -prune -o -type f -print0 | sort -z | xargs -0 sha256sum); }

# drift_check [DIR] runs the script as CI does on DIR (default
# examples/complete) and returns its exit code. First it checks that the
# script left nothing behind: a plan, its JSON or a log left in the
# configuration folder is one `git add .` or artifact upload away from
# publishing the secrets it holds, and the script's temporary folder must be
# gone too.
drift_tmp=$work/drift-tmp
mkdir -p "$drift_tmp"
drift_check() {
  local dir=${1:-$complete} before code=0 leftovers
  before=$(config_files "$dir")
  TMPDIR=$drift_tmp TERRAFORM="$TERRAFORM" "$repo/examples/ci/drift-check.sh" "$dir" >"$work/drift.out" 2>&1 || code=$?
  leftovers=$(find "$dir" -path "$dir/.terraform" -prune -o \( -name '*.tfplan' -o -name '*plan*.json' -o -name '*.log' \) -print)
  [[ -z "$leftovers" ]] || fail "drift-check.sh left in the configuration folder: $leftovers"
  [[ "$(config_files "$dir")" == "$before" ]] || { diff <(echo "$before") <(config_files "$dir") >&2 || true; fail "drift-check.sh changed the configuration folder"; }
  leftovers=$(find "$drift_tmp" -mindepth 1 -maxdepth 1 -name 'tmp.*')
  [[ -z "$leftovers" ]] || fail "drift-check.sh left its temporary folder behind: $leftovers"
  return "$code"
}

step "drift-check.sh right after apply: exit 0"
set +e; drift_check; code=$?; set -e
cat "$work/drift.out"
[[ $code == 0 ]] || fail "drift-check exited $code on a clean workspace, want 0"

step "drift-check.sh after a sync is paused out of band: exit 2, naming it"
sync_id=$(tf -chdir="$complete" output -json us | python3 -c 'import json,sys; print(json.load(sys.stdin)["syncs"]["cmp_ltv_90d"])')
curl -fsS -u sandbox-api-key:sandbox-secret-key "$api/api/2/syncs/$sync_id" |
  python3 -c 'import json,sys; s=json.load(sys.stdin)["data"]; s["enabled"]=False; print(json.dumps(s))' |
  curl -fsS -u sandbox-api-key:sandbox-secret-key -X PUT -H 'Content-Type: application/json' -d @- "$api/api/2/syncs/$sync_id" >/dev/null
set +e; drift_check; code=$?; set -e
cat "$work/drift.out"
[[ $code == 2 ]] || fail "drift-check exited $code after an out-of-band change, want 2"
grep -q 'module.us.amplitude_sync.computation\["cmp_ltv_90d"\].*enabled' "$work/drift.out" || fail "the drift table does not name the paused sync and its enabled attribute"
# Pausing the sync also changed its read-only status in the sandbox. No one
# acts on such values, so the drift table must leave them out.
if grep -E 'status|last_run_at|version|updated_at|last_seen_at' "$work/drift.out"; then
  fail "the drift table lists read-only attributes the vendor advances"
fi

step "drift-check.sh with a base URL where no Amplitude API answers: exit 1, not everything deleted"
sed -i "s#$SANDBOX_URL/amplitude#$SANDBOX_URL/nowhere#" "$complete/terraform.tfvars"
set +e; drift_check; code=$?; set -e
tail -n 8 "$work/drift.out"
[[ $code == 1 ]] || fail "drift-check exited $code with a wrong base URL, want 1"
# Terraform wraps long messages: join the lines before looking.
tr -s '\n ' ' ' <"$work/drift.out" | grep -q 'base URL is probably wrong' || fail "drift-check's error does not say the base URL is probably wrong"
write_tfvars sandbox-secret-key

step "drift-check.sh with broken credentials: exit 1"
write_tfvars not-the-secret
set +e; drift_check; code=$?; set -e
tail -n 5 "$work/drift.out"
[[ $code == 1 ]] || fail "drift-check exited $code with broken credentials, want 1"
write_tfvars sandbox-secret-key

step "terraform destroy: nothing left behind"
tf -chdir="$complete" destroy -auto-approve -input=false -no-color >"$work/destroy.log" 2>&1 || { cat "$work/destroy.log"; fail "destroy failed"; }
objects=$(curl -fsS "$SANDBOX_URL/_sandbox/stats" | python3 -c 'import json,sys; o=json.load(sys.stdin)["objects"]; print(o["syncs"], o["api_keys"])')
echo "syncs, api keys left: $objects"
[[ "$objects" == "0 1" ]] || fail "expected no syncs and only the seeded admin key to remain, got syncs/keys = $objects"
# The Developer API cannot delete a destination, so destroy leaves the two
# event streams in place, disabled.
enabled=$(curl -fsS -H 'Authorization: Bearer amp_sandbox_admin' "$SANDBOX_URL/developer-api/v1/projects/424242/destinations" |
  python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(len(d), sum(1 for x in d if x.get("enabled")))')
echo "destinations left, of them enabled: $enabled"
[[ "$enabled" == "2 0" ]] || fail "expected the two destinations left disabled, got (left, enabled) = ($enabled)"

step "drift-check.sh after the Braze key of two destinations is deleted in Braze: exit 2, naming both forms of the key"
# The amplitude_braze_destination example holds one key in each form. Once
# the key is deleted in Braze, Amplitude reports the credential disconnected
# and the stream delivers nothing: the drift check must see a change in
# either form.
keyed="$work/examples/amplitude/resources/amplitude_braze_destination"
# The registry's import snippet names a destination of no sandbox: not part
# of the example a user applies (acctest leaves it out the same way).
rm -f "$keyed"/import-by-*.tf
cat >"$keyed/sandbox_provider.tf" <<EOF
provider "amplitude" {
  access_token      = "amp_sandbox_admin"
  project_id        = "424242"
  developer_api_url = "$SANDBOX_URL/developer-api"
}
EOF
braze_admin=(-H 'Authorization: Bearer sandbox-braze-admin-key' -H 'Content-Type: application/json')
read -r key_id key_secret < <(curl -fsS "${braze_admin[@]}" -d '{"name": "drift-check stream", "permissions": ["users.track"]}' "$SANDBOX_URL/braze/api_keys/create" |
  python3 -c 'import json,sys; k=json.load(sys.stdin)["api_key"]; print(k["id"], k["key"])')
export TF_VAR_braze_rest_api_key=$key_secret
tf -chdir="$keyed" apply -auto-approve -input=false -no-color >"$work/apply-keyed.log" 2>&1 || { cat "$work/apply-keyed.log"; fail "apply of the keyed destinations failed"; }
set +e; drift_check "$keyed"; code=$?; set -e
cat "$work/drift.out"
[[ $code == 0 ]] || fail "drift-check exited $code right after the keyed destinations were applied, want 0"
curl -fsS "${braze_admin[@]}" -X DELETE -d "{\"api_key_id\": \"$key_id\"}" "$SANDBOX_URL/braze/api_keys/delete" >/dev/null
set +e; drift_check "$keyed"; code=$?; set -e
cat "$work/drift.out"
[[ $code == 2 ]] || fail "drift-check exited $code after the destinations' Braze key was deleted, want 2"
grep -Eq 'amplitude_braze_destination\.stream +update +.*braze_api_key' "$work/drift.out" || fail "the drift table does not name the sensitive key of the destination whose key was deleted"
grep -Eq 'amplitude_braze_destination\.write_only_key +update +.*braze_api_key_wo_version' "$work/drift.out" || fail "the drift table does not name the write-only key's version of the destination whose key was deleted"
tf -chdir="$keyed" destroy -auto-approve -input=false -no-color >"$work/destroy-keyed.log" 2>&1 || { cat "$work/destroy-keyed.log"; fail "destroy of the keyed destinations failed"; }
unset TF_VAR_braze_rest_api_key

check_contract "$work/sandbox.log" || fail "the sandbox saw traffic off the contract in api/"
step "examples: all checks passed"
