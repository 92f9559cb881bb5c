package developerapi

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// What a destination create or PATCH must hold. Its shape is checked
// first, before anything is looked up (decodeDestinationRequest): unknown
// fields, wrong JSON types, missing required fields and values outside the
// schema are 400 validation_error, each located in validation_errors (the
// request bodies of amplitude.com/docs/apis/developer/destinations/create-a-destination
// and update-a-destination). Whether the destination it would make suits
// its partner is checked on that destination, whole (validateDestination),
// and a 422 invalid_config (open point: Error codes of 412 / 422, x-modelled
// in api/amplitude-developer.openapi.yaml).

// destinationRequest is a body whose shape is valid.
type destinationRequest struct {
	partner     sentField[string]
	displayName sentField[string]
	kind        sentField[[]string]
	// config values are canonical JSON; a JSON null removes the key.
	config  sentField[map[string]json.RawMessage]
	enabled sentField[bool]
	// A nil eventFilter or propertyMappings that was sent is a null: it
	// clears the field (on PATCH only).
	eventFilter      sentField[*eventFilter]
	propertyMappings sentField[*propertyMappings]
	sendEvents       sentField[bool]
	sendUsers        sentField[bool]
}

// streamingFieldsSent names the event-streaming fields the body sets.
func (req *destinationRequest) streamingFieldsSent() []string {
	var sent []string
	for _, f := range []struct {
		name string
		sent bool
	}{
		{"enabled", req.enabled.sent},
		{"event_filter", req.eventFilter.sent},
		{"property_mappings", req.propertyMappings.sent},
		{"send_events", req.sendEvents.sent},
		{"send_users", req.sendUsers.sent},
	} {
		if f.sent {
			sent = append(sent, f.name)
		}
	}
	return sent
}

// maxDisplayNameLength is the sandbox's: the vendor documents a minimum
// length of 1 and no maximum.
const maxDisplayNameLength = 255

// decodeDestinationRequest reads a create body (creating), which requires
// partner and display_name, or a PATCH body, which may not name the partner
// (create-a-destination, update-a-destination). event_filter and
// property_mappings take null on a PATCH only, where it clears them.
func decodeDestinationRequest(r *http.Request, creating bool) (destinationRequest, error) {
	var req destinationRequest
	fields, err := decodeJSONObject(r)
	if err != nil {
		return req, err
	}
	var p core.FieldProblems
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		raw := fields[name]
		switch name {
		case "partner":
			if !creating {
				p.Add(name, problemUnknownField, "partner cannot change: it is not a field of an update; create a new destination for another partner")
				continue
			}
			if s, ok := decodeString(raw, name, &p); ok {
				if s == "" {
					p.Add(name, problemTooShort, "partner must not be empty: one of %s", partnerNames())
					continue
				}
				req.partner.set(s)
			}
		case "display_name":
			if s, ok := decodeString(raw, name, &p); ok && checkDisplayName(s, &p) {
				req.displayName.set(s)
			}
		case "kind":
			req.kind.setIf(decodeKind(raw, &p))
		case "config":
			req.config.setIf(decodeConfig(raw, &p))
		case "enabled":
			req.enabled.setIf(decodeBool(raw, name, &p))
		case "send_events":
			req.sendEvents.setIf(decodeBool(raw, name, &p))
		case "send_users":
			req.sendUsers.setIf(decodeBool(raw, name, &p))
		case "event_filter":
			if isNull(raw) {
				if creating {
					p.Add(name, problemInvalidType, "event_filter must be an object on a create; leave it out to forward every event")
				} else {
					req.eventFilter.set(nil)
				}
			} else {
				req.eventFilter.setIf(decodeEventFilter(raw, &p))
			}
		case "property_mappings":
			if isNull(raw) {
				if creating {
					p.Add(name, problemInvalidType, "property_mappings must be an object on a create; leave it out to send no extra properties")
				} else {
					req.propertyMappings.set(nil)
				}
			} else {
				req.propertyMappings.setIf(decodePropertyMappings(raw, &p))
			}
		default:
			p.Add(name, problemUnknownField, "%s is not a field this request takes; it takes %s", name, writableFields(creating))
		}
	}
	if creating {
		if _, sent := fields["partner"]; !sent {
			p.Add("partner", problemRequired, "partner is required: one of %s", partnerNames())
		}
		if _, sent := fields["display_name"]; !sent {
			p.Add("display_name", problemRequired, "display_name is required: the name the destination is shown by")
		}
	}
	return req, p.Err(http.StatusBadRequest, codeValidationError)
}

func writableFields(creating bool) string {
	fields := "display_name, kind, config, enabled, event_filter, property_mappings, send_events, send_users"
	if creating {
		return "partner, " + fields
	}
	return fields
}

// checkDisplayName requires a name that is not blank (the vendor: at least
// one character; refusing white space alone is the sandbox's), of at most
// 255 characters. It is kept as sent, spaces included: a client reads back
// what it wrote.
func checkDisplayName(name string, p *core.FieldProblems) bool {
	switch n := utf8.RuneCountInString(name); {
	case strings.TrimSpace(name) == "":
		p.Add("display_name", problemTooShort, "display_name must not be blank")
	case n > maxDisplayNameLength:
		p.Add("display_name", problemTooLong, "display_name has %d characters; at most %d are allowed", n, maxDisplayNameLength)
	default:
		return true
	}
	return false
}

// decodeKind reads a kind: at least one of the four kinds
// (create-a-destination), each once (the sandbox's: kind is a set), in the
// canonical order. Whether they make one family the partner serves is the
// partner's rule.
func decodeKind(raw json.RawMessage, p *core.FieldProblems) ([]string, bool) {
	sent, ok := decodeStringList(raw, "kind", stringListRules{minItems: 1, distinct: true}, p)
	if !ok {
		return nil, false
	}
	for i, k := range sent {
		if !slices.Contains(destinationKinds, k) {
			p.Add(fmt.Sprintf("kind[%d]", i), problemInvalidValue, "kind[%d] %q is not a kind: use %s", i, k, strings.Join(destinationKinds, ", "))
			ok = false
		}
	}
	if !ok {
		return nil, false
	}
	kind := make([]string, 0, len(sent))
	for _, k := range destinationKinds {
		if slices.Contains(sent, k) {
			kind = append(kind, k)
		}
	}
	return kind, true
}

// decodeConfig reads the config object; its values are checked against the
// partner's parameters later.
func decodeConfig(raw json.RawMessage, p *core.FieldProblems) (map[string]json.RawMessage, bool) {
	var config map[string]json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &config) != nil {
		p.Add("config", problemInvalidType, "config must be an object of parameter ids to values")
		return nil, false
	}
	for id, value := range config {
		config[id] = canonicalJSON(value)
	}
	return config, true
}

var (
	eventFilterFields      = []string{"events", "property_filters"}
	propertyFiltersFields  = []string{"conditions"}
	filterConditionFields  = []string{"property", "operator", "values"}
	propertyMappingsFields = []string{"event_properties", "user_properties", "identify_user_properties"}
)

// decodeEventFilter reads event_filter: events, at least one
// (create-a-destination), each once and not blank (the sandbox's), and
// property_filters in the sandbox's shape (open point: Shapes of
// property_filters, property_mappings, x-modelled in
// api/amplitude-developer.openapi.yaml).
func decodeEventFilter(raw json.RawMessage, p *core.FieldProblems) (*eventFilter, bool) {
	const field = "event_filter"
	members, valid := decodeObject(raw, field, eventFilterFields, p)
	if members == nil {
		return nil, false
	}
	var filter eventFilter
	if events, sent := members["events"]; sent {
		list, ok := decodeStringList(events, field+".events", stringListRules{minItems: 1, distinct: true, nonBlank: true}, p)
		filter.Events, valid = list, valid && ok
	} else {
		p.Add(field+".events", problemRequired, "%s.events is required: the events to forward, at least one", field)
		valid = false
	}
	if filters, sent := members["property_filters"]; sent {
		pf, ok := decodePropertyFilters(filters, field+".property_filters", p)
		filter.PropertyFilters, valid = pf, valid && ok
	}
	return &filter, valid
}

func decodePropertyFilters(raw json.RawMessage, field string, p *core.FieldProblems) (*propertyFilters, bool) {
	members, valid := decodeObject(raw, field, propertyFiltersFields, p)
	if members == nil {
		return nil, false
	}
	conditionsRaw, sent := members["conditions"]
	if !sent {
		p.Add(field+".conditions", problemRequired, "%s.conditions is required: a list of conditions on event properties", field)
		return nil, false
	}
	var items []json.RawMessage
	if isNull(conditionsRaw) || json.Unmarshal(conditionsRaw, &items) != nil {
		p.Add(field+".conditions", problemInvalidType, "%s.conditions must be a list of conditions", field)
		return nil, false
	}
	filters := propertyFilters{Conditions: make([]filterCondition, len(items))}
	for i, item := range items {
		c, ok := decodeCondition(item, fmt.Sprintf("%s.conditions[%d]", field, i), p)
		filters.Conditions[i], valid = c, valid && ok
	}
	return &filters, valid
}

func decodeCondition(raw json.RawMessage, field string, p *core.FieldProblems) (filterCondition, bool) {
	var c filterCondition
	members, valid := decodeObject(raw, field, filterConditionFields, p)
	if members == nil {
		return c, false
	}
	requireMember := func(name, purpose string) (json.RawMessage, bool) {
		value, sent := members[name]
		if !sent {
			p.Add(field+"."+name, problemRequired, "%s.%s is required: %s", field, name, purpose)
			valid = false
		}
		return value, sent
	}
	if raw, sent := requireMember("property", "the event property to test"); sent {
		s, ok := decodeString(raw, field+".property", p)
		switch {
		case !ok:
			valid = false
		case strings.TrimSpace(s) == "":
			p.Add(field+".property", problemTooShort, "%s.property must not be blank", field)
			valid = false
		}
		c.Property = s
	}
	if raw, sent := requireMember("operator", "one of "+strings.Join(filterOperators, ", ")); sent {
		s, ok := decodeString(raw, field+".operator", p)
		switch {
		case !ok:
			valid = false
		case !slices.Contains(filterOperators, s):
			p.Add(field+".operator", problemInvalidValue, "%s.operator %q is not valid: use one of %s", field, s, strings.Join(filterOperators, ", "))
			valid = false
		}
		c.Operator = s
	}
	if raw, sent := requireMember("values", "the values to compare with, at least one"); sent {
		values, ok := decodeStringList(raw, field+".values", stringListRules{minItems: 1}, p)
		c.Values, valid = values, valid && ok
	}
	return c, valid
}

// decodePropertyMappings reads property_mappings in the sandbox's shape
// (open point: Shapes of property_filters, property_mappings, x-modelled in
// api/amplitude-developer.openapi.yaml).
func decodePropertyMappings(raw json.RawMessage, p *core.FieldProblems) (*propertyMappings, bool) {
	const field = "property_mappings"
	members, valid := decodeObject(raw, field, propertyMappingsFields, p)
	if members == nil {
		return nil, false
	}
	rules := stringListRules{distinct: true, nonBlank: true}
	list := func(name string) []string {
		value, sent := members[name]
		if !sent {
			return nil
		}
		l, ok := decodeStringList(value, field+"."+name, rules, p)
		valid = valid && ok
		return l
	}
	return &propertyMappings{
		EventProperties:        list("event_properties"),
		UserProperties:         list("user_properties"),
		IdentifyUserProperties: list("identify_user_properties"),
	}, valid
}

// validateDestination checks d, what req makes of stored (nil on a
// create), against its partner's rules. The vendor marks the streaming
// fields "Event-streaming only" (get-a-destination); refusing them on
// another destination, and send_events or send_users without the kind that
// sends them, are the sandbox's reading.
func (a *API) validateDestination(tx *core.Tx, d *destination, req *destinationRequest, stored *destination) error {
	var p core.FieldProblems
	partner := destinationTypeOf(d.Partner)
	if !checkKind(partner, d, req, stored, &p) {
		// Which fields and parameters apply depends on the kind.
		return p.Err(http.StatusUnprocessableEntity, codeInvalidConfig)
	}
	if !d.streams() {
		for _, field := range req.streamingFieldsSent() {
			p.Add(field, problemNotAllowed, "%s is for event streaming destinations; a %s destination has none", field, strings.Join(d.Kind, ", "))
		}
	} else {
		if d.SendEvents && !d.hasKind(KindEvent) {
			p.Add("send_events", problemInvalidValue, "send_events is true but kind has no event: add event to kind, or set send_events to false")
		}
		if d.SendUsers && !d.hasKind(KindIdentify) {
			p.Add("send_users", problemInvalidValue, "send_users is true but kind has no identify: add identify to kind, or set send_users to false")
		}
	}
	partner.checkConfig(d.decodedConfig(), d.Kind, &p)
	if !slices.ContainsFunc(p, func(f core.FieldProblem) bool { return f.Field == "config.api_key" }) {
		a.checkSentBrazeKey(tx, d, req, &p)
	}
	return p.Err(http.StatusUnprocessableEntity, codeInvalidConfig)
}

// checkKind checks that the kind sent is one family the partner serves
// ("validated against the partner"; the families are "never combined":
// create-a-destination), and that a PATCH keeps the family: moving a
// destination from event streaming to cohorts would make another
// destination under the same id. The vendor does not say so; the sandbox's
// choice.
func checkKind(partner *destinationType, d *destination, req *destinationRequest, stored *destination, p *core.FieldProblems) bool {
	if !req.kind.sent {
		return true
	}
	before := len(*p)
	if families := kindFamilies(d.Kind); len(families) > 1 {
		p.Add("kind", problemInvalidValue, "kind %s mixes %s: a destination is event streaming (any of event and identify), cohort or warehouse_export",
			strings.Join(d.Kind, ", "), strings.Join(families, " and "))
	}
	for _, k := range d.Kind {
		if !slices.Contains(partner.types, k) {
			p.Add("kind", problemNotAllowed, "partner %s does not serve kind %s; it serves %s", partner.partner, k, strings.Join(partner.types, ", "))
		}
	}
	if len(*p) == before && stored != nil && kindFamily(stored.Kind[0]) != kindFamily(d.Kind[0]) {
		p.Add("kind", problemNotAllowed, "kind cannot change from %s (%s) to %s (%s); create a new destination instead",
			strings.Join(stored.Kind, ", "), kindFamily(stored.Kind[0]), strings.Join(d.Kind, ", "), kindFamily(d.Kind[0]))
	}
	return len(*p) == before
}
