# Shared by the scripts that drive the real CLI against a sandbox. Source it;
# it defines functions and sets nothing else.

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# start_sandbox BIN LOG: build the sandbox into BIN, start it on a free
# loopback port with output to LOG, and set SANDBOX_URL and SANDBOX_PID.
# It checks every vendor request and answer against api/ (check_contract).
start_sandbox() {
  local bin=$1 log=$2 repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  go build -o "$bin/sandbox" "$repo/cmd/sandbox" || return 1
  "$bin/sandbox" -addr 127.0.0.1:0 -contract >"$log" 2>&1 &
  SANDBOX_PID=$!
  SANDBOX_URL=
  # Wait for the line that says where it listens, however long a busy
  # machine takes to start it, for as long as it runs.
  while kill -0 "$SANDBOX_PID" 2>/dev/null; do
    SANDBOX_URL=$(sed -n 's/^sandbox listening on \(http:[^ ]*\).*/\1/p' "$log" 2>/dev/null || true)
    [[ -n "$SANDBOX_URL" ]] && return 0
    sleep 0.1
  done
  cat "$log" >&2
  echo "the sandbox did not start" >&2
  return 1
}

# check_contract LOG: fail when the sandbox logged a request or an answer
# off the vendor APIs' documents in api/.
check_contract() {
  if grep -q '^contract api/' "$1"; then
    grep '^contract api/' "$1" >&2
    echo "requests or answers above are off the contract in api/" >&2
    return 1
  fi
}

stop_sandbox() {
  [[ -n "${SANDBOX_PID:-}" ]] || return 0
  kill "$SANDBOX_PID" 2>/dev/null || true
  wait "$SANDBOX_PID" 2>/dev/null || true
  SANDBOX_PID=
}

# sandbox_tfvars TEMPLATE OUT: write OUT for the running sandbox from
# TEMPLATE, an example's sandbox.tfvars.example, which gives the sandbox's
# address as http://127.0.0.1:8089.
sandbox_tfvars() {
  sed "s#http://127.0.0.1:8089#$SANDBOX_URL#g" "$1" >"$2"
}

# fill_generated FILE TYPE ATTRIBUTE VALUE: in every block of TYPE that
# terraform query -generate-config-out wrote into FILE, the line generation
# left as ATTRIBUTE = null now gives VALUE, as a user fills in a secret;
# nothing else of the generated configuration changes.
fill_generated() {
  python3 - "$@" <<'PY'
import re, sys
path, kind, attribute, value = sys.argv[1:]
text = open(path).read()
def fill(block):
    filled, n = re.subn(r'(?m)^(\s*%s\s*=\s*)null( # sensitive)?$' % re.escape(attribute), lambda m: m.group(1) + value, block.group(0))
    if n != 1:
        sys.exit(f"a generated {kind} block has no line {attribute} = null to fill in")
    return filled
text, n = re.subn(r'(?ms)^resource "%s" "[^"]+" \{\n.*?^\}$' % re.escape(kind), fill, text)
if n == 0:
    sys.exit(f"{path} has no generated {kind} block")
open(path, "w").write(text)
PY
}

# sandbox_as_vendor: export the providers' own environment variables so
# that they name the running sandbox (start_sandbox) as if it were the
# vendors: its hosts and seeded credentials, and nothing of its control
# endpoints. make test-live and make probe run against it this way.
sandbox_as_vendor() {
  export AMPLITUDE_ACCESS_TOKEN=amp_sandbox_admin AMPLITUDE_PROJECT_ID=424242
  export AMPLITUDE_API_KEY=sandbox-api-key AMPLITUDE_SECRET_KEY=sandbox-secret-key
  export AMPLITUDE_BASE_URL=$SANDBOX_URL/amplitude AMPLITUDE_DEVELOPER_API_URL=$SANDBOX_URL/developer-api
  export BRAZE_REST_ENDPOINT=$SANDBOX_URL/braze BRAZE_API_KEY=sandbox-braze-admin-key
  unset AMPLITUDE_REGION AMP_TOKEN
}
