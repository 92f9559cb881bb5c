package sandbox

import "encoding/json"

// A dry run's plan: what a create or PATCH would change, field by field,
// and what it should warn of. It never shows a secret: a write-only value
// is "(write-only)" on either side, and a secret sent again unchanged is no
// change at all.

type destinationPlan struct {
	Action   string                   `json:"action"`
	DryRun   bool                     `json:"dry_run"`
	Diff     map[string]planDiffEntry `json:"diff"`
	Warnings []string                 `json:"warnings"`
}

type planDiffEntry struct {
	From any `json:"from"`
	To   any `json:"to"`
}

// dryRunAnswer is the answer of a dry run: the destination as it would be,
// and the plan.
type dryRunAnswer struct {
	Data destinationView `json:"data"`
	Plan destinationPlan `json:"plan"`
}

const (
	planCreateAction = "create"
	planUpdateAction = "update"
	planNoop         = "noop"
)

// planValue is a field's value as a plan shows it, and as it compares.
type planValue struct {
	shown   any
	compare string
}

// planFields flattens a destination into the fields a write can change:
// the top-level fields by name and each config parameter as config.<id>.
// The event-streaming fields are left out of other destinations, whose
// values for them are fixed.
func (d *destination) planFields() map[string]planValue {
	fields := map[string]planValue{}
	add := func(name string, v any) {
		encoded, _ := json.Marshal(v)
		fields[name] = planValue{shown: v, compare: string(encoded)}
	}
	add("partner", d.Partner)
	add("display_name", d.DisplayName)
	add("kind", d.Kind)
	if d.streams() {
		add("enabled", d.Enabled)
		add("event_filter", d.EventFilter)
		add("property_mappings", d.PropertyMappings)
		add("send_events", d.SendEvents)
		add("send_users", d.SendUsers)
	}
	partner := destinationTypeOf(d.Partner)
	for id, raw := range d.Config {
		v := planValue{shown: raw, compare: string(raw)}
		if param := partner.parameter(id); param != nil && param.writeOnly() {
			v.shown = writeOnlyShown
		}
		fields["config."+id] = v
	}
	return fields
}

// planDiff lists the fields whose value differs between before (nil for a
// create) and after, with null for a field one side does not have.
func planDiff(before, after *destination) map[string]planDiffEntry {
	from := map[string]planValue{}
	if before != nil {
		from = before.planFields()
	}
	to := after.planFields()
	diff := map[string]planDiffEntry{}
	for name, t := range to {
		if f, inFrom := from[name]; !inFrom || f.compare != t.compare {
			diff[name] = planDiffEntry{From: f.shown, To: t.shown}
		}
	}
	for name, f := range from {
		if _, inTo := to[name]; !inTo {
			diff[name] = planDiffEntry{From: f.shown, To: nil}
		}
	}
	return diff
}
