package destinations

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// How a create or a PATCH makes a destination. A dry run shows the result
// with its plan, and a real write stores it (dry_run=true answers 200 with
// the destination as it would be and the plan;
// amplitude.com/docs/apis/developer/destinations/create-a-destination and
// update-a-destination). A create applies the request to the defaults, and
// a PATCH to the stored destination. Either way the result is then checked
// whole against its partner (validate), so that a PATCH cannot leave a
// destination that a create would refuse.

// request is a create or PATCH body; the document has already checked its
// shape. A PATCH does not name the partner, and only a PATCH takes a null
// event_filter or property_mappings, which clears it.
type request struct {
	Partner          string                                  `json:"partner"`
	DisplayName      core.Member[string]                     `json:"display_name"`
	Kind             core.Member[[]string]                   `json:"kind"`
	Config           core.Member[map[string]json.RawMessage] `json:"config"`
	Enabled          core.Member[bool]                       `json:"enabled"`
	EventFilter      core.Member[*eventFilter]               `json:"event_filter"`
	PropertyMappings core.Member[*propertyMappings]          `json:"property_mappings"`
	SendEvents       core.Member[bool]                       `json:"send_events"`
	SendUsers        core.Member[bool]                       `json:"send_users"`
}

// streamingSent names the event-streaming members the request sends.
func (req *request) streamingSent() []string {
	var sent []string
	for name, isSent := range map[string]bool{
		"enabled": req.Enabled.Sent, "event_filter": req.EventFilter.Sent, "property_mappings": req.PropertyMappings.Sent,
		"send_events": req.SendEvents.Sent, "send_users": req.SendUsers.Sent,
	} {
		if isSent {
			sent = append(sent, name)
		}
	}
	slices.Sort(sent)
	return sent
}

// writer is who writes, and when.
type writer struct {
	now time.Time
	by  string
}

// planCreate returns the destination a create would make, at version 1. It
// is not stored yet and has no id.
func (a *API) planCreate(tx *core.Tx, req *request, by writer) (destination, error) {
	d := destination{
		Partner: req.Partner, DisplayName: req.DisplayName.Value, Config: map[string]json.RawMessage{}, Version: 1,
		CreatedAt: by.now, UpdatedAt: by.now, CreatedBy: by.by, UpdatedBy: by.by,
	}
	p := a.partnerOf(d.Partner)
	switch {
	case p == nil:
		return d, developerapi.RefuseField(http.StatusUnprocessableEntity, developerapi.CodeInvalidConfig, "partner", core.ProblemInvalidValue,
			"partner %q is not a destination type of this project: use one of %s (GET /v1/destination-types lists them)", d.Partner, a.partnerNames())
	case !req.Kind.Sent && len(families(p.Types)) > 1:
		// Picking one family would be a guess, so the create is refused, as
		// documented: "a multi-capability partner with no kind is rejected
		// as ambiguous" (create-a-destination).
		return d, developerapi.RefuseField(http.StatusUnprocessableEntity, developerapi.CodeInvalidConfig, "kind", core.ProblemRequired,
			"partner %s serves several kinds (%s): name kind", p.Partner, strings.Join(p.Types, ", "))
	case !req.Kind.Sent:
		d.Kind = slices.Clone(p.Types)
	default:
		d.Kind = inOrder(req.Kind.Value)
	}
	// The event-streaming defaults are the sandbox's own, because the
	// vendor documents none: enabled, and sending what the kind names.
	d.Enabled = true
	d.SendEvents = slices.Contains(d.Kind, KindEvent)
	d.SendUsers = slices.Contains(d.Kind, KindIdentify)
	d.apply(req)
	return d, a.validate(tx, &d, req, nil)
}

// planUpdate returns what a PATCH would make of the destination at index i.
// If-Match, when sent, must equal its version; otherwise the answer is 412
// (update-a-destination), with the code version_mismatch (open point: Error
// codes of 412 / 422). A PATCH that changes nothing keeps the version and
// updated_at; the vendor does not say, so this is the sandbox's choice.
func (a *API) planUpdate(tx *core.Tx, i int, req *request, ifMatch *int, by writer) (destination, error) {
	stored := &a.state.Destinations[i]
	if ifMatch != nil && *ifMatch != stored.Version {
		return destination{}, developerapi.Refuse(http.StatusPreconditionFailed, "version_mismatch",
			"destination %s is at version %d; the request expected %d", stored.ID, stored.Version, *ifMatch)
	}
	d := stored.clone()
	d.apply(req)
	if err := a.validate(tx, &d, req, stored); err != nil {
		return destination{}, err
	}
	if len(a.planDiff(stored, &d)) > 0 {
		d.Version++
		d.UpdatedAt, d.UpdatedBy = by.now, by.by
	}
	return d, nil
}

// apply sets the members req sends. The kind is kept in the one order that
// answers use, and
// config is merged key by key, a null removing its key (open point: PATCH
// of config). Only an event stream takes the event-streaming members
// ("Event-streaming only", get-a-destination); any other destination keeps
// their fixed values, and validate refuses them.
func (d *destination) apply(req *request) {
	req.DisplayName.SetTo(&d.DisplayName)
	if req.Kind.Sent {
		d.Kind = inOrder(req.Kind.Value)
	}
	for id, value := range req.Config.Value {
		if string(value) == "null" {
			delete(d.Config, id)
		} else {
			d.Config[id] = canonicalJSON(value)
		}
	}
	if !d.streams() {
		d.Enabled, d.SendEvents, d.SendUsers = true, false, false
		d.EventFilter, d.PropertyMappings = nil, nil
		return
	}
	req.Enabled.SetTo(&d.Enabled)
	req.SendEvents.SetTo(&d.SendEvents)
	req.SendUsers.SetTo(&d.SendUsers)
	req.EventFilter.SetTo(&d.EventFilter)
	req.PropertyMappings.SetTo(&d.PropertyMappings)
}

// inOrder returns the kinds sent, in the one order that answers use.
func inOrder(sent []string) []string {
	return slices.DeleteFunc(slices.Clone(kinds), func(k string) bool { return !slices.Contains(sent, k) })
}

// validate checks d, which is what req makes of stored (nil on a create),
// against its partner's rules, and refuses it with 422 invalid_config. The
// vendor marks the streaming members "Event-streaming only"
// (get-a-destination); refusing them on another destination, and send_events
// or send_users without the kind that sends them, is the sandbox's reading.
func (a *API) validate(tx *core.Tx, d *destination, req *request, stored *destination) error {
	var problems core.FieldProblems
	p := a.partnerOf(d.Partner)
	if req.Kind.Sent {
		// The kind must be one family that the partner serves ("validated
		// against the partner"; the families are "never combined":
		// create-a-destination). The rule that a PATCH keeps the family is
		// the sandbox's own: moving a destination from event streaming to
		// cohorts would make another destination under the same id.
		if f := families(d.Kind); len(f) > 1 {
			problems.Add("kind", core.ProblemInvalidValue, "kind %s mixes %s: a destination is event streaming (any of event and identify), cohort or warehouse_export",
				strings.Join(d.Kind, ", "), strings.Join(f, " and "))
		}
		for _, k := range d.Kind {
			if !slices.Contains(p.Types, k) {
				problems.Add("kind", core.ProblemNotAllowed, "partner %s does not serve kind %s; it serves %s", p.Partner, k, strings.Join(p.Types, ", "))
			}
		}
		if len(problems) == 0 && stored != nil && family(stored.Kind[0]) != family(d.Kind[0]) {
			problems.Add("kind", core.ProblemNotAllowed, "kind cannot change from %s (%s) to %s (%s); create a new destination instead",
				strings.Join(stored.Kind, ", "), family(stored.Kind[0]), strings.Join(d.Kind, ", "), family(d.Kind[0]))
		}
		if len(problems) > 0 {
			// Stop here: the remaining checks depend on the kind, which is
			// wrong.
			return problems.Err(http.StatusUnprocessableEntity, developerapi.CodeInvalidConfig)
		}
	}
	if !d.streams() {
		for _, member := range req.streamingSent() {
			problems.Add(member, core.ProblemNotAllowed, "%s is for event streaming destinations; a %s destination has none", member, strings.Join(d.Kind, ", "))
		}
	}
	if d.SendEvents && !slices.Contains(d.Kind, KindEvent) {
		problems.Add("send_events", core.ProblemInvalidValue, "send_events is true but kind has no event: add event to kind, or set send_events to false")
	}
	if d.SendUsers && !slices.Contains(d.Kind, KindIdentify) {
		problems.Add("send_users", core.ProblemInvalidValue, "send_users is true but kind has no identify: add identify to kind, or set send_users to false")
	}
	p.checkConfig(d.decodedConfig(), d.Kind, &problems)
	if !slices.ContainsFunc(problems, func(f core.FieldProblem) bool { return f.Field == "config.api_key" }) {
		a.checkSentBrazeKey(tx, d, req, &problems)
	}
	return problems.Err(http.StatusUnprocessableEntity, developerapi.CodeInvalidConfig)
}

// warnings returns what a dry run warns of: settings that are valid but
// probably not what was meant. The vendor documents that a plan has
// warnings, but not what they say, so these are the sandbox's own.
func (a *API) warnings(tx *core.Tx, d *destination) []string {
	warnings := []string{}
	switch {
	case d.streams() && !d.Enabled:
		warnings = append(warnings, "enabled is false: the destination will not send anything")
	case d.streams() && !d.SendEvents && !d.SendUsers:
		warnings = append(warnings, "send_events and send_users are both false: the destination will not send anything")
	}
	warnings = append(warnings, partnerWarnings(d)...)
	if d.EventFilter != nil {
		var unknown []string
		for _, name := range d.EventFilter.Events {
			if !a.taxonomy.HasLiveEvent(tx, name) {
				unknown = append(unknown, name)
			}
		}
		if len(unknown) > 0 {
			warnings = append(warnings, fmt.Sprintf("event_filter names events the project's taxonomy does not have: %s", strings.Join(unknown, ", ")))
		}
	}
	return warnings
}

// planDiff lists, member by member, what changes from before (nil for a
// create) to after: the vendor's PlanDetails diff, {"<member>": {"from",
// "to"}}, with null for a member one side does not have. Config parameters
// are config.<id>; the event-streaming members are left out of other
// destinations, whose values for them are fixed. A plan never shows a
// secret: a write-only value is "(write-only)" on either side (open point:
// Secrets on read), and a secret sent again unchanged is no change at all.
func (a *API) planDiff(before, after *destination) map[string]map[string]any {
	type value struct {
		shown   any
		compare string
	}
	members := func(d *destination) map[string]value {
		out := map[string]value{}
		if d == nil {
			return out
		}
		add := func(name string, v any) {
			encoded, _ := json.Marshal(v)
			out[name] = value{shown: v, compare: string(encoded)}
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
		for id, raw := range d.Config {
			v := value{shown: raw, compare: string(raw)}
			if param := a.partnerOf(d.Partner).parameter(id); param != nil && param.writeOnly() {
				v.shown = "(write-only)"
			}
			out["config."+id] = v
		}
		return out
	}
	from, to := members(before), members(after)
	diff := map[string]map[string]any{}
	for name, t := range to {
		if f, inFrom := from[name]; !inFrom || f.compare != t.compare {
			diff[name] = map[string]any{"from": f.shown, "to": t.shown}
		}
	}
	for name, f := range from {
		if _, inTo := to[name]; !inTo {
			diff[name] = map[string]any{"from": f.shown, "to": nil}
		}
	}
	return diff
}
