package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

// A destination create or PATCH body. Its shape is checked here, before
// anything is looked up: unknown fields, wrong JSON types, missing required
// fields and values outside the schema are 400 validation_error, each
// located in validation_errors. Whether the values make sense for the
// partner is destination_validate.go's, and a 422.

// sentField is a field of a body: whether it was sent, and its value.
type sentField[T any] struct {
	sent  bool
	value T
}

func (f *sentField[T]) set(value T) {
	f.sent, f.value = true, value
}

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

const maxDisplayNameLength = 255

// decodeDestinationRequest reads a create body (creating) or a PATCH body,
// which may not name the partner.
func decodeDestinationRequest(r *http.Request, creating bool) (destinationRequest, error) {
	var req destinationRequest
	fields, err := decodeJSONObject(r)
	if err != nil {
		return req, err
	}
	var p fieldProblems
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		raw := fields[name]
		switch name {
		case "partner":
			if !creating {
				p.add(name, problemUnknownField, "partner cannot change: it is not a field of an update; create a new destination for another partner")
				continue
			}
			if s, ok := decodeString(raw, name, &p); ok {
				if s == "" {
					p.add(name, problemTooShort, "partner must not be empty: one of %s", partnerNames())
					continue
				}
				req.partner.set(s)
			}
		case "display_name":
			if s, ok := decodeString(raw, name, &p); ok && checkDisplayName(s, &p) {
				req.displayName.set(s)
			}
		case "kind":
			if kind, ok := decodeKind(raw, &p); ok {
				req.kind.set(kind)
			}
		case "config":
			if config, ok := decodeConfig(raw, &p); ok {
				req.config.set(config)
			}
		case "enabled":
			if b, ok := decodeBool(raw, name, &p); ok {
				req.enabled.set(b)
			}
		case "send_events":
			if b, ok := decodeBool(raw, name, &p); ok {
				req.sendEvents.set(b)
			}
		case "send_users":
			if b, ok := decodeBool(raw, name, &p); ok {
				req.sendUsers.set(b)
			}
		case "event_filter":
			if isNull(raw) {
				if creating {
					p.add(name, problemInvalidType, "event_filter must be an object on a create; leave it out to forward every event")
				} else {
					req.eventFilter.set(nil)
				}
			} else if filter, ok := decodeEventFilter(raw, &p); ok {
				req.eventFilter.set(filter)
			}
		case "property_mappings":
			if isNull(raw) {
				if creating {
					p.add(name, problemInvalidType, "property_mappings must be an object on a create; leave it out to send no extra properties")
				} else {
					req.propertyMappings.set(nil)
				}
			} else if mappings, ok := decodePropertyMappings(raw, &p); ok {
				req.propertyMappings.set(mappings)
			}
		default:
			p.add(name, problemUnknownField, "%s is not a field this request takes; it takes %s", name, writableFields(creating))
		}
	}
	if creating {
		if _, sent := fields["partner"]; !sent {
			p.add("partner", problemRequired, "partner is required: one of %s", partnerNames())
		}
		if _, sent := fields["display_name"]; !sent {
			p.add("display_name", problemRequired, "display_name is required: the name the destination is shown by")
		}
	}
	return req, p.err(http.StatusBadRequest, codeValidationError)
}

func writableFields(creating bool) string {
	fields := "display_name, kind, config, enabled, event_filter, property_mappings, send_events, send_users"
	if creating {
		return "partner, " + fields
	}
	return fields
}

// decodeJSONObject reads a body that must be one JSON object, and returns
// its fields undecoded.
func decodeJSONObject(r *http.Request) (map[string]json.RawMessage, error) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, refuse(http.StatusBadRequest, "request body could not be read: %v", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, refuse(http.StatusBadRequest, "request body is empty; send a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var fields map[string]json.RawMessage
	if err := dec.Decode(&fields); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, refuse(http.StatusBadRequest, "request body must be a JSON object, not %s", typeErr.Value)
		}
		return nil, refuse(http.StatusBadRequest, "request body is not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if fields == nil {
		return nil, refuse(http.StatusBadRequest, "request body must be a JSON object, not null")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, refuse(http.StatusBadRequest, "request body has data after the JSON object")
	}
	return fields, nil
}

func isNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// decodeString decodes a string field; null is not a string.
func decodeString(raw json.RawMessage, field string, p *fieldProblems) (string, bool) {
	var s string
	if isNull(raw) || json.Unmarshal(raw, &s) != nil {
		p.add(field, problemInvalidType, "%s must be a string", field)
		return "", false
	}
	return s, true
}

func decodeBool(raw json.RawMessage, field string, p *fieldProblems) (bool, bool) {
	var b bool
	if isNull(raw) || json.Unmarshal(raw, &b) != nil {
		p.add(field, problemInvalidType, "%s must be true or false", field)
		return false, false
	}
	return b, true
}

// decodeObject decodes an object field into its members, refusing those
// not in known.
func decodeObject(raw json.RawMessage, field string, known []string, p *fieldProblems) (map[string]json.RawMessage, bool) {
	var members map[string]json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &members) != nil {
		p.add(field, problemInvalidType, "%s must be an object", field)
		return nil, false
	}
	valid := true
	for _, name := range slices.Sorted(maps.Keys(members)) {
		if !slices.Contains(known, name) {
			p.add(field+"."+name, problemUnknownField, "%s.%s is not a field of %s; its fields are %s", field, name, field, strings.Join(known, ", "))
			valid = false
		}
	}
	return members, valid
}

// stringListRules are the rules of a list of strings.
type stringListRules struct {
	minItems int
	// distinct refuses repeated items.
	distinct bool
	// nonBlank refuses blank items.
	nonBlank bool
}

func decodeStringList(raw json.RawMessage, field string, rules stringListRules, p *fieldProblems) ([]string, bool) {
	var items []json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &items) != nil {
		p.add(field, problemInvalidType, "%s must be a list of strings", field)
		return nil, false
	}
	if len(items) < rules.minItems {
		p.add(field, problemTooShort, "%s must list at least %d", field, rules.minItems)
		return nil, false
	}
	list := make([]string, 0, len(items))
	valid := true
	for i, item := range items {
		at := fmt.Sprintf("%s[%d]", field, i)
		s, ok := decodeString(item, at, p)
		switch {
		case !ok:
		case rules.nonBlank && strings.TrimSpace(s) == "":
			p.add(at, problemTooShort, "%s must not be blank", at)
		case rules.distinct && slices.Contains(list, s):
			p.add(at, problemDuplicate, "%s %q is listed twice", at, s)
		default:
			list = append(list, s)
			continue
		}
		valid = false
	}
	return list, valid
}

// checkDisplayName requires a name that is not blank, of at most 255
// characters. It is kept as sent, spaces included: a client reads back
// what it wrote.
func checkDisplayName(name string, p *fieldProblems) bool {
	switch n := utf8.RuneCountInString(name); {
	case strings.TrimSpace(name) == "":
		p.add("display_name", problemTooShort, "display_name must not be blank")
	case n > maxDisplayNameLength:
		p.add("display_name", problemTooLong, "display_name has %d characters; at most %d are allowed", n, maxDisplayNameLength)
	default:
		return true
	}
	return false
}

// decodeKind reads a kind: distinct values of the four kinds, in the
// canonical order. Whether they make one family the partner serves is the
// partner's rule.
func decodeKind(raw json.RawMessage, p *fieldProblems) ([]string, bool) {
	sent, ok := decodeStringList(raw, "kind", stringListRules{minItems: 1, distinct: true}, p)
	if !ok {
		return nil, false
	}
	for i, k := range sent {
		if !slices.Contains(destinationKinds, k) {
			p.add(fmt.Sprintf("kind[%d]", i), problemInvalidValue, "kind[%d] %q is not a kind: use %s", i, k, strings.Join(destinationKinds, ", "))
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
func decodeConfig(raw json.RawMessage, p *fieldProblems) (map[string]json.RawMessage, bool) {
	var config map[string]json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &config) != nil {
		p.add("config", problemInvalidType, "config must be an object of parameter ids to values")
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

func decodeEventFilter(raw json.RawMessage, p *fieldProblems) (*eventFilter, bool) {
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
		p.add(field+".events", problemRequired, "%s.events is required: the events to forward, at least one", field)
		valid = false
	}
	if filters, sent := members["property_filters"]; sent {
		pf, ok := decodePropertyFilters(filters, field+".property_filters", p)
		filter.PropertyFilters, valid = pf, valid && ok
	}
	return &filter, valid
}

func decodePropertyFilters(raw json.RawMessage, field string, p *fieldProblems) (*propertyFilters, bool) {
	members, valid := decodeObject(raw, field, propertyFiltersFields, p)
	if members == nil {
		return nil, false
	}
	conditionsRaw, sent := members["conditions"]
	if !sent {
		p.add(field+".conditions", problemRequired, "%s.conditions is required: a list of conditions on event properties", field)
		return nil, false
	}
	var items []json.RawMessage
	if isNull(conditionsRaw) || json.Unmarshal(conditionsRaw, &items) != nil {
		p.add(field+".conditions", problemInvalidType, "%s.conditions must be a list of conditions", field)
		return nil, false
	}
	filters := propertyFilters{Conditions: make([]filterCondition, len(items))}
	for i, item := range items {
		c, ok := decodeCondition(item, fmt.Sprintf("%s.conditions[%d]", field, i), p)
		filters.Conditions[i], valid = c, valid && ok
	}
	return &filters, valid
}

func decodeCondition(raw json.RawMessage, field string, p *fieldProblems) (filterCondition, bool) {
	var c filterCondition
	members, valid := decodeObject(raw, field, filterConditionFields, p)
	if members == nil {
		return c, false
	}
	requireMember := func(name, purpose string) (json.RawMessage, bool) {
		value, sent := members[name]
		if !sent {
			p.add(field+"."+name, problemRequired, "%s.%s is required: %s", field, name, purpose)
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
			p.add(field+".property", problemTooShort, "%s.property must not be blank", field)
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
			p.add(field+".operator", problemInvalidValue, "%s.operator %q is not valid: use one of %s", field, s, strings.Join(filterOperators, ", "))
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

func decodePropertyMappings(raw json.RawMessage, p *fieldProblems) (*propertyMappings, bool) {
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
