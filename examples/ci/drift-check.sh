#!/usr/bin/env bash
# drift-check.sh: find drift between a Terraform configuration and what the
# vendors hold, for a scheduled CI job.
#
#   drift-check.sh [DIR]      DIR is the configuration folder (default: .)
#
# Exit codes: 0 no drift; 2 drift (a table of drifted resources and
# attributes is printed); 1 anything went wrong (the plan's error is shown).
# Environment: TERRAFORM names the CLI (default: terraform; tofu works too).
# Needs python3 to read the plan's JSON.
#
# Publish the table, nothing else. A saved plan holds the prior state and
# the configuration unmasked (the key a braze_api_key created, a literal
# data_import_key), and so can the plan's JSON and Terraform's output. So
# the plan, its JSON and the logs live in a private temporary folder that is
# removed on exit, never in DIR, where they would be one `git add .` or one
# CI artifact upload away from being published. The table names resources
# and attributes, never values. To review a drift, run terraform plan
# yourself.
set -uo pipefail

dir=${1:-.}
tf=${TERRAFORM:-terraform}
private=$(mktemp -d) || exit 1 # mktemp makes it readable by its owner only
trap 'rm -rf "$private"' EXIT
trap 'exit 1' HUP INT TERM # so that the EXIT trap runs then too
plan=$private/drift.tfplan

"$tf" -chdir="$dir" plan -detailed-exitcode -input=false -lock=false -no-color -out="$plan" >"$private/plan.log" 2>&1
status=$?
case $status in
  0)
    echo "No drift: the infrastructure matches the configuration."
    exit 0
    ;;
  2) ;;
  *)
    echo "drift-check: terraform plan failed (exit $status):" >&2
    cat "$private/plan.log" >&2
    exit 1
    ;;
esac

if ! "$tf" -chdir="$dir" show -json "$plan" >"$private/plan.json" 2>"$private/show.log"; then
  echo "drift-check: terraform show -json failed:" >&2
  cat "$private/show.log" >&2
  exit 1
fi
# The providers' schemas say which attributes are read-only: values the
# vendor advances on its own (a sync's status, a key's last_seen_at, a
# destination's version), which no one acts on.
if ! "$tf" -chdir="$dir" providers schema -json >"$private/schema.json" 2>"$private/schema.log"; then
  echo "drift-check: terraform providers schema -json failed:" >&2
  cat "$private/schema.log" >&2
  exit 1
fi

python3 - "$private/plan.json" "$private/schema.json" <<'PY'
import json, sys

plan = json.load(open(sys.argv[1]))
schemas = json.load(open(sys.argv[2])).get("provider_schemas", {})

# read_only[provider][type] is the set of attributes that are computed and
# not configurable: never a drift a person acts on.
read_only = {}
for provider, schema in schemas.items():
    for rtype, rschema in schema.get("resource_schemas", {}).items():
        attrs = rschema.get("block", {}).get("attributes", {})
        read_only.setdefault(provider, {})[rtype] = {
            name for name, a in attrs.items() if a.get("computed") and not a.get("optional") and not a.get("required")
        }

def changed(rc, before, after):
    """Top-level attribute paths whose values differ, but read-only ones."""
    skip = read_only.get(rc.get("provider_name"), {}).get(rc.get("type"), set())
    if isinstance(before, dict) and isinstance(after, dict):
        keys = sorted(set(before) | set(after))
        return [k for k in keys if k not in skip and before.get(k) != after.get(k)]
    return ["(whole object)"] if before != after else []

# Changes made outside Terraform show up as resource_drift; a plan may also
# hold changes that the configuration asks for (resource_changes).
rows = []
for kind, entries in (("changed outside Terraform", plan.get("resource_drift", [])),
                      ("plan", plan.get("resource_changes", []))):
    for rc in entries:
        change = rc.get("change", {})
        actions = change.get("actions", [])
        if actions in (["no-op"], ["read"]):
            continue
        if kind == "plan" and any(r[0] == rc["address"] for r in rows):
            continue
        attrs = changed(rc, change.get("before") or {}, change.get("after") or {})
        if "delete" in actions and change.get("after") is None:
            attrs = ["(deleted outside Terraform)"] if kind != "plan" else ["(to be destroyed)"]
        if actions == ["create"]:
            attrs = ["(missing: will be created)"]
        if not attrs:
            continue  # only read-only values moved: nothing to act on
        rows.append((rc["address"], "/".join(actions), ", ".join(attrs)))

if not rows:
    sys.exit(3)
width = max(len("RESOURCE"), *(len(r[0]) for r in rows))
action_width = max(len("ACTION"), *(len(r[1]) for r in rows))
print("Drift detected:")
print(f"{'RESOURCE':<{width}}  {'ACTION':<{action_width}}  ATTRIBUTES")
for address, action, attrs in rows:
    print(f"{address:<{width}}  {action:<{action_width}}  {attrs}")
PY
case $? in
  0) exit 2 ;;
  3)
    echo "No drift: only values the vendors advance on their own changed."
    exit 0
    ;;
  *) exit 1 ;;
esac
