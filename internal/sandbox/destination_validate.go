package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// What a create or PATCH makes of a destination, and whether the partner
// takes it. A create is the request applied to the defaults, a PATCH the
// request applied to the stored destination; either way the result is then
// validated whole, as one rule, so that a PATCH cannot leave a destination
// that a create would refuse (such as one without a required parameter).
// Every refusal here is a 422 invalid_config, each problem located.

// writeContext is who writes, and when.
type writeContext struct {
	now time.Time
	by  string
}

// planCreate is the destination a create would make: not stored, without
// an id, at version 1.
func planCreate(st *state, req *destinationRequest, wc writeContext) (destination, error) {
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
	d.Enabled = true
	d.SendEvents = d.hasKind(kindEvent)
	d.SendUsers = d.hasKind(kindIdentify)
	d.apply(req)
	return d, validateDestination(st, &d, req, nil)
}

// planUpdate is what a PATCH of the destination at index i would make of
// it. A PATCH that changes nothing keeps the version and updated_at.
func planUpdate(st *state, i int, req *destinationRequest, ifMatch *int, wc writeContext) (destination, error) {
	stored := &st.Destinations[i]
	if ifMatch != nil && *ifMatch != stored.Version {
		return destination{}, refuseWith(http.StatusPreconditionFailed, "version_mismatch",
			"destination %s is at version %d; the request expected %d", stored.ID, stored.Version, *ifMatch)
	}
	d := stored.clone()
	d.apply(req)
	if err := validateDestination(st, &d, req, stored); err != nil {
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
// removing its key. Only an event stream takes the event-streaming fields;
// for any other destination they keep their fixed values, and
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

func setIfSentField[T any](field *T, sent sentField[T]) {
	if sent.sent {
		*field = sent.value
	}
}

// inferredKind is the kind of a create that names none: the partner's
// types when they make one family, else a refusal, as picking one family
// would be a guess.
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

// validateDestination checks d, what req makes of stored (nil on a
// create), against its partner's rules.
func validateDestination(st *state, d *destination, req *destinationRequest, stored *destination) error {
	var p fieldProblems
	partner := destinationTypeOf(d.Partner)
	if !checkKind(partner, d, req, stored, &p) {
		// Which fields and parameters apply depends on the kind.
		return p.err(http.StatusUnprocessableEntity, codeInvalidConfig)
	}
	if !d.streams() {
		for _, field := range req.streamingFieldsSent() {
			p.add(field, problemNotAllowed, "%s is for event streaming destinations; a %s destination has none", field, strings.Join(d.Kind, ", "))
		}
	} else {
		if d.SendEvents && !d.hasKind(kindEvent) {
			p.add("send_events", problemInvalidValue, "send_events is true but kind has no event: add event to kind, or set send_events to false")
		}
		if d.SendUsers && !d.hasKind(kindIdentify) {
			p.add("send_users", problemInvalidValue, "send_users is true but kind has no identify: add identify to kind, or set send_users to false")
		}
	}
	partner.checkConfig(d.decodedConfig(), d.Kind, &p)
	if !slices.ContainsFunc(p, func(f fieldProblem) bool { return f.Field == "config.api_key" }) {
		checkSentBrazeKey(st, d, req, &p)
	}
	return p.err(http.StatusUnprocessableEntity, codeInvalidConfig)
}

// checkKind checks that the kind sent is one family the partner serves,
// and that a PATCH keeps the family: moving a destination from event
// streaming to cohorts would make another destination under the same id.
func checkKind(partner *destinationType, d *destination, req *destinationRequest, stored *destination, p *fieldProblems) bool {
	if !req.kind.sent {
		return true
	}
	before := len(*p)
	if families := kindFamilies(d.Kind); len(families) > 1 {
		p.add("kind", problemInvalidValue, "kind %s mixes %s: a destination is event streaming (any of event and identify), cohort or warehouse_export",
			strings.Join(d.Kind, ", "), strings.Join(families, " and "))
	}
	for _, k := range d.Kind {
		if !slices.Contains(partner.types, k) {
			p.add("kind", problemNotAllowed, "partner %s does not serve kind %s; it serves %s", partner.partner, k, strings.Join(partner.types, ", "))
		}
	}
	if len(*p) == before && stored != nil && kindFamily(stored.Kind[0]) != kindFamily(d.Kind[0]) {
		p.add("kind", problemNotAllowed, "kind cannot change from %s (%s) to %s (%s); create a new destination instead",
			strings.Join(stored.Kind, ", "), kindFamily(stored.Kind[0]), strings.Join(d.Kind, ", "), kindFamily(d.Kind[0]))
	}
	return len(*p) == before
}

// destinationWarnings are what a dry run warns of: settings that are valid
// but probably not what was meant.
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
