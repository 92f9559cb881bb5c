#!/usr/bin/env bash
# make test-secrets: under TF_LOG=TRACE, apply, refresh and destroy a
# configuration using every secret (the Amplitude secret key, the Braze REST
# key, a key the configuration creates, a data import key). No secret may
# appear in the log or in the CLI's output; in state, secrets may stand only
# in attributes marked sensitive. Then the same with the write-only
# variants under Terraform and under OpenTofu, which must leave them out of
# state altogether.
set -euo pipefail

: "${TERRAFORM:?set by make}" "${TOFU:?set by make}" "${BIN:?set by make}"
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"
trap 'stop_sandbox; rm -rf "$work"' EXIT
export TF_CLI_CONFIG_FILE="$BIN/dev.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
fail() { echo "test-secrets: $*" >&2; exit 1; }

start_sandbox "$BIN" "$work/sandbox.log"

amplitude_secret=sandbox-secret-key
amplitude_token=amp_sandbox_admin
braze_secret=sandbox-braze-admin-key
import_secret=dik-7c1f2e9a4b5d6e8f
wo_import_secret=dik-wo-3a4b5c6d7e8f9a0b

# write_config DIR WRITE_ONLY writes the configuration into DIR, with the
# destination keys as sensitive attributes (WRITE_ONLY=no) or in their
# write-only forms (yes). The objects are named after DIR, so that each
# run's objects can be told apart in the one sandbox.
write_config() {
  local dir=$1 write_only=$2 name stream_key import_key
  name=$(basename "$dir")
  if [[ $write_only == yes ]]; then
    stream_key='braze_api_key_wo = braze_api_key.stream.key
  braze_api_key_wo_version = 1'
    import_key="data_import_key_wo = \"$wo_import_secret\"
  data_import_key_wo_version = 1"
  else
    stream_key='braze_api_key = braze_api_key.stream.key'
    import_key="data_import_key = \"$import_secret\""
  fi
  mkdir -p "$dir"
  cat >"$dir/main.tf" <<HCL
terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
    braze     = { source = "ampbraze/braze" }
  }
}

provider "amplitude" {
  access_token      = "$amplitude_token"
  project_id        = "424242"
  developer_api_url = "$SANDBOX_URL/developer-api"
  api_key           = "sandbox-api-key"
  secret_key        = "$amplitude_secret"
  base_url          = "$SANDBOX_URL/amplitude"
}

provider "braze" {
  rest_endpoint = "$SANDBOX_URL/braze"
  api_key       = "$braze_secret"
}

resource "braze_api_key" "stream" {
  name        = "stream-$name"
  permissions = ["users.track"]
  allowed_ips = provider::amplitude::egress_ips("US")
}

resource "amplitude_braze_destination" "stream" {
  name           = "stream-$name"
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  $stream_key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_braze_cohort_destination" "cohorts" {
  name                = "cohorts-$name"
  braze_endpoint      = "https://rest.iad-05.braze.com"
  $import_key
  identifier_mappings = [{ amplitude_property = "user_id", braze_identifier = "external_id" }]
}
HCL
}

# run_logged CLI DIR NAME ARGS... runs the CLI with TRACE logging into
# DIR/NAME.log, and its output into DIR/NAME.out.
run_logged() {
  local cli=$1 dir=$2 name=$3
  shift 3
  TF_LOG=TRACE TF_LOG_PATH="$dir/$name.log" "$cli" -chdir="$dir" "$@" >"$dir/$name.out" 2>&1 ||
    { tail -n 30 "$dir/$name.out"; fail "$(basename "$cli") $* failed"; }
}

# check_no_secrets DIR SECRET... fails if any log or output in DIR holds one
# of the secrets.
check_no_secrets() {
  local dir=$1 secret file
  shift
  # The logs must be real TRACE logs of this run, or finding nothing in
  # them proves nothing.
  grep -q 'vendor API request' "$dir/apply.log" || fail "apply.log holds no TRACE log of the provider calls"
  for secret in "$@"; do
    for file in "$dir"/*.log "$dir"/*.out; do
      if grep -qF -- "$secret" "$file"; then
        grep -nF -- "$secret" "$file" | head -n 3 >&2
        fail "a secret ending ${secret: -4} appears in $(basename "$file")"
      fi
    done
  done
  echo "ok  no secret in $(ls "$dir"/*.log "$dir"/*.out | wc -l) logs and outputs ($(cat "$dir"/*.log | wc -l) log lines)"
}

# check_state CLI DIR MODE SECRET... checks where the secrets appear in
# DIR's state. MODE "sensitive" allows a secret only under an attribute
# marked sensitive; MODE "absent" allows it nowhere.
check_state() {
  local cli=$1 dir=$2 mode=$3
  shift 3
  "$cli" -chdir="$dir" show -json >"$dir/state.json"
  python3 - "$dir/state.json" "$dir/terraform.tfstate" "$mode" "$@" <<'PY'
import json, sys
state_json, raw_state, mode, secrets = sys.argv[1], sys.argv[2], sys.argv[3], set(sys.argv[4:])
if mode == "absent":
    text = open(raw_state).read()
    found = [s[-4:] for s in secrets if s in text]
    if found:
        sys.exit(f"write-only secrets ending {found} are in terraform.tfstate")
    print(f"ok  none of {len(secrets)} write-only secrets is in terraform.tfstate")
    sys.exit(0)
state = json.load(open(state_json))
def walk(values, sensitive, path):
    if isinstance(values, dict):
        for k, v in values.items():
            s = sensitive.get(k, False) if isinstance(sensitive, dict) else sensitive
            yield from walk(v, s, path + [k])
    elif isinstance(values, list):
        for i, v in enumerate(values):
            s = sensitive[i] if isinstance(sensitive, list) and i < len(sensitive) else sensitive
            yield from walk(v, s, path + [str(i)])
    elif isinstance(values, str) and values in secrets:
        yield ".".join(path), sensitive is True
checked = 0
for r in state["values"]["root_module"]["resources"]:
    for path, marked in walk(r["values"], r.get("sensitive_values", {}), [r["address"]]):
        checked += 1
        if not marked:
            sys.exit(f"{path} holds a secret but is not marked sensitive")
print(f"ok  the {checked} secrets in state are all in sensitive attributes")
PY
}

step "Sensitive attributes, $("$TERRAFORM" version | head -n 1), TF_LOG=TRACE"
dir="$work/sensitive"
write_config "$dir" no
run_logged "$TERRAFORM" "$dir" apply apply -auto-approve -input=false
created_key=$("$TERRAFORM" -chdir="$dir" show -json | python3 -c 'import json,sys; r=[r for r in json.load(sys.stdin)["values"]["root_module"]["resources"] if r["address"]=="braze_api_key.stream"][0]; print(r["values"]["key"])')
[[ ${#created_key} -gt 8 ]] || fail "the created key is not in state"
check_state "$TERRAFORM" "$dir" sensitive "$amplitude_secret" "$amplitude_token" "$braze_secret" "$import_secret" "$created_key"
run_logged "$TERRAFORM" "$dir" refresh apply -refresh-only -auto-approve -input=false
run_logged "$TERRAFORM" "$dir" plan plan -input=false
run_logged "$TERRAFORM" "$dir" destroy destroy -auto-approve -input=false
check_no_secrets "$dir" "$amplitude_secret" "$amplitude_token" "$braze_secret" "$import_secret" "$created_key"

# check_write_only CLI runs the write-only variants under CLI, in a folder
# of its own. Terraform and OpenTofu implement write-only attributes
# separately, so each must be shown to keep them out of state.
check_write_only() {
  local cli=$1 dir created_key
  dir="$work/write-only-$(basename "$cli")"
  step "Write-only attributes, $("$cli" version | head -n 1), TF_LOG=TRACE"
  write_config "$dir" yes
  run_logged "$cli" "$dir" apply apply -auto-approve -input=false
  created_key=$("$cli" -chdir="$dir" show -json | python3 -c 'import json,sys; r=[r for r in json.load(sys.stdin)["values"]["root_module"]["resources"] if r["address"]=="braze_api_key.stream"][0]; print(r["values"]["key"])')
  check_state "$cli" "$dir" absent "$wo_import_secret"
  run_logged "$cli" "$dir" refresh apply -refresh-only -auto-approve -input=false
  run_logged "$cli" "$dir" destroy destroy -auto-approve -input=false
  check_no_secrets "$dir" "$amplitude_secret" "$amplitude_token" "$braze_secret" "$wo_import_secret" "$created_key"
}
check_write_only "$TERRAFORM"
check_write_only "$TOFU"

check_contract "$work/sandbox.log" || fail "the sandbox saw traffic off the contract in api/"
step "secrets: all checks passed"
