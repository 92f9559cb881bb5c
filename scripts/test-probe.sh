#!/usr/bin/env bash
# make test-probe: run make probe's command against the sandbox, started as
# a separate process and treated as the vendor (no control endpoint is
# called). The sandbox encodes the open points' guesses, so every point the
# probe can ask comes out confirmed; the points it cannot ask say so. Then
# against a second sandbox set to contradict one point
# (SANDBOX_CONTRADICT), the probe must report exactly that point
# contradicted, by name, with the files that encode the guess.
set -euo pipefail

: "${BIN:?set by make}"
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"
trap 'stop_sandbox; rm -rf "$work"' EXIT
fail() { echo "test-probe: $*" >&2; exit 1; }

# The points no probe can ask, each for the reason its line gives.
unaskable=("Test of a cohort destination" "Rate limit" "Idempotency-Key in use")
contradiction=create-existing-plan-name-200
contradicted_point="Create of an existing name"

go build -o "$work/probe" "$repo/cmd/probe"
points=$("$work/probe" -list)

# probe_sandbox OUT: run the probe against the running sandbox with its
# seeded credentials; the exit status is the probe's.
probe_sandbox() {
  AMPLITUDE_ACCESS_TOKEN=amp_sandbox_admin AMPLITUDE_PROJECT_ID=424242 \
    AMPLITUDE_DEVELOPER_API_URL="$SANDBOX_URL/developer-api" \
    BRAZE_REST_ENDPOINT=https://rest.iad-05.braze.com BRAZE_API_KEY=sandbox-braze-admin-key \
    BRAZE_APP_ID=7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b "$work/probe" >"$1" 2>&1
}

# line_of POINT OUT: the line OUT gives POINT, failing unless there is
# exactly one.
line_of() {
  local lines
  lines=$(awk -v p="$1: " 'index($0, p) == 1' "$2")
  [[ -n $lines && $(wc -l <<<"$lines") == 1 ]] || fail "want one line for the open point \"$1\" in $2, got: ${lines:-none}"
  printf '%s\n' "$lines"
}

# check_secrets OUT: the probe never prints a secret.
check_secrets() {
  ! grep -q -e sandbox-braze-admin-key -e amp_sandbox_admin "$1" || fail "the probe printed a secret"
}

# The probe sends the requests a refusal answers, off the contract on
# purpose: only an answer off the contract is the sandbox's fault.
check_answers() {
  if grep '^contract api/' "$1" | grep -v ': request'; then
    fail "the sandbox's answers above are off the contract in api/"
  fi
}

step "probe against the sandbox: every askable point confirmed"
start_sandbox "$BIN" "$work/sandbox.log"
status=0
probe_sandbox "$work/modelled.out" || status=$?
cat "$work/modelled.out"
[[ $status == 0 ]] || fail "the probe exited $status against the modelled sandbox; want 0"
check_secrets "$work/modelled.out"
while IFS= read -r point; do
  line=$(line_of "$point" "$work/modelled.out")
  if printf '%s\n' "${unaskable[@]}" | grep -q -F -x "$point"; then
    [[ $line == "$point: not testable ("* ]] || fail "want \"$point\" not testable, got: $line"
  else
    [[ $line == "$point: confirmed" ]] || fail "want \"$point\" confirmed, got: $line"
  fi
done <<<"$points"
check_answers "$work/sandbox.log"
stop_sandbox

step "probe against a sandbox set to contradict \"$contradicted_point\" ($contradiction)"
SANDBOX_CONTRADICT=$contradiction start_sandbox "$BIN" "$work/contradicting.log"
status=0
probe_sandbox "$work/contradicting.out" || status=$?
cat "$work/contradicting.out"
[[ $status == 3 ]] || fail "the probe exited $status against the contradicting sandbox; want 3 (a point contradicted)"
check_secrets "$work/contradicting.out"
while IFS= read -r point; do line_of "$point" "$work/contradicting.out" >/dev/null; done <<<"$points"
contradicted=$(grep ': contradicted (' "$work/contradicting.out" || true)
[[ $(wc -l <<<"$contradicted") == 1 && $contradicted == "$contradicted_point: contradicted ("* ]] ||
  fail "want exactly \"$contradicted_point\" contradicted, got: ${contradicted:-none}"
grep -q -F 'internal/sandbox/developerapi/taxonomy/taxonomy.go (sandbox)' <<<"$contradicted" ||
  fail "the contradicted line does not name the sandbox file that encodes the guess"
stop_sandbox
echo "ok  make probe: every askable point confirmed by the sandbox, and $contradiction caught as \"$contradicted_point\""
