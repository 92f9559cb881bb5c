package developerapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// What a create or PATCH makes of a destination: the plan a dry run shows
// and a write carries out (dry_run=true: a 200 with the destination as it
// would be and the plan; amplitude.com/docs/apis/developer/destinations/create-a-destination
// and update-a-destination). A create is the request applied to the
// defaults, a PATCH the request applied to the stored destination; either
// way the result is then validated whole (validateDestination), so that a
// PATCH cannot leave a destination that a create would refuse (such as one
// without a required parameter).

// writeContext is who writes, and when.
type writeContext struct {
	now time.Time
	by  string
}

// planCreate is the destination a create would make: not stored, without
// an id, at version 1.
func (a *API) planCreate(tx *core.Tx, req *destinationRequest, wc writeContext) (destination, error) {
	d := destination{
		Partner:     req.partner.value,
		DisplayName: req.displayName.value,
		Config:      map[string]json.RawMessage{},
		Version:     1,
		CreatedAt:   wc.now,
		UpdatedAt:   wc.now,
		CreatedBy:   wc.by,
		UpdatedBy:   wc.by,
	}
	partner := destinationTypeOf(d.Partner)
	if partner == nil {
		// A 422 invalid_config, as the partner's other refusals (open point:
		// Error codes of 412 / 422, x-modelled in
		// api/amplitude-developer.openapi.yaml).
		return d, refuseField(http.StatusUnprocessableEntity, codeInvalidConfig, "partner", problemInvalidValue,
			"partner %q is not a destination type of this project: use one of %s (GET /v1/destination-types lists them)", d.Partner, partnerNames())
	}
	if req.kind.sent {
		d.Kind = req.kind.value
	} else {
		var err error
		if d.Kind, err = partner.inferredKind(); err != nil {
			// What else applies depends on the kind.
			return d, err
		}
	}
	// The event-streaming defaults: enabled, sending what the kind names.
	// The vendor documents none; these are the sandbox's.
	d.Enabled = true
	d.SendEvents = d.hasKind(KindEvent)
	d.SendUsers = d.hasKind(KindIdentify)
	d.apply(req)
	return d, a.validateDestination(tx, &d, req, nil)
}

// planUpdate is what a PATCH of the destination at index i would make of
// it. If-Match must equal the version, else 412 (update-a-destination), whose
// code is version_mismatch (open point: Error codes of 412 / 422, x-modelled
// in api/amplitude-developer.openapi.yaml). A PATCH that changes nothing keeps
// the version and updated_at: the vendor does not say; the sandbox's choice.
func (a *API) planUpdate(tx *core.Tx, i int, req *destinationRequest, ifMatch *int, wc writeContext) (destination, error) {
	stored := &a.state.Destinations[i]
	if ifMatch != nil && *ifMatch != stored.Version {
		return destination{}, refuseWith(http.StatusPreconditionFailed, "version_mismatch",
			"destination %s is at version %d; the request expected %d", stored.ID, stored.Version, *ifMatch)
	}
	d := stored.clone()
	d.apply(req)
	if err := a.validateDestination(tx, &d, req, stored); err != nil {
		return destination{}, err
	}
	if len(planDiff(stored, &d)) > 0 {
		d.Version++
		d.UpdatedAt = wc.now
		d.UpdatedBy = wc.by
	}
	return d, nil
}

// apply sets the fields req sends; config is merged key by key, a null
// removing its key (open point: PATCH of config, x-modelled in
// api/amplitude-developer.openapi.yaml). Only an event stream takes the
// event-streaming fields ("Event-streaming only", get-a-destination); for
// any other destination they keep their fixed values, and
// validateDestination refuses them.
func (d *destination) apply(req *destinationRequest) {
	if req.displayName.sent {
		d.DisplayName = req.displayName.value
	}
	if req.kind.sent {
		d.Kind = req.kind.value
	}
	if req.config.sent {
		for id, value := range req.config.value {
			if isNull(value) {
				delete(d.Config, id)
			} else {
				d.Config[id] = value
			}
		}
	}
	if !d.streams() {
		d.Enabled, d.SendEvents, d.SendUsers = true, false, false
		d.EventFilter, d.PropertyMappings = nil, nil
		return
	}
	setIfSentField(&d.Enabled, req.enabled)
	setIfSentField(&d.SendEvents, req.sendEvents)
	setIfSentField(&d.SendUsers, req.sendUsers)
	setIfSentField(&d.EventFilter, req.eventFilter)
	setIfSentField(&d.PropertyMappings, req.propertyMappings)
}

// inferredKind is the kind of a create that names none: the partner's
// types when they make one family, else a refusal, as picking one family
// would be a guess ("a multi-capability partner with no kind is rejected as
// ambiguous", create-a-destination; open point: Braze's partner key and
// families, x-modelled in api/amplitude-developer.openapi.yaml).
func (t *destinationType) inferredKind() ([]string, error) {
	if len(kindFamilies(t.types)) > 1 {
		return nil, refuseField(http.StatusUnprocessableEntity, codeInvalidConfig, "kind", problemRequired,
			"partner %s serves several kinds (%s): name kind", t.partner, strings.Join(t.types, ", "))
	}
	return slices.Clone(t.types), nil
}

// kindFamilies lists the families of the kinds, each once.
func kindFamilies(kinds []string) []string {
	var families []string
	for _, k := range kinds {
		if f := kindFamily(k); !slices.Contains(families, f) {
			families = append(families, f)
		}
	}
	return families
}

// destinationWarnings are what a dry run warns of: settings that are valid
// but probably not what was meant. The vendor documents the plan's
// warnings, not what they say: these are the sandbox's.
func (st *state) destinationWarnings(d *destination) []string {
	warnings := []string{}
	if d.streams() {
		switch {
		case !d.Enabled:
			warnings = append(warnings, "enabled is false: the destination will not send anything")
		case !d.SendEvents && !d.SendUsers:
			warnings = append(warnings, "send_events and send_users are both false: the destination will not send anything")
		}
	}
	if partner := destinationTypeOf(d.Partner); partner != nil && partner.warnings != nil {
		warnings = append(warnings, partner.warnings(d.decodedConfig())...)
	}
	if d.EventFilter != nil {
		var unknown []string
		for _, name := range d.EventFilter.Events {
			if !st.hasLiveEvent(name) {
				unknown = append(unknown, name)
			}
		}
		if len(unknown) > 0 {
			warnings = append(warnings, fmt.Sprintf("event_filter names events the project's taxonomy does not have: %s", strings.Join(unknown, ", ")))
		}
	}
	return warnings
}

// A dry run's plan: its action (create, update or noop), what the write
// would change, field by field ({"from", "to"}), and what it should warn of
// (the vendor's PlanDetails, create-a-destination). It never shows a secret:
// a write-only value is "(write-only)" on either side (open point: Secrets on
// read), and a secret sent again unchanged is no change at all.

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
