package sandbox

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// The partners a destination can send to, as GET /v1/destination-types
// lists them: what kinds of destination each serves and the parameters of
// its config. The vendor has not published Braze's parameters; the ones
// below are the sandbox's answer to that open point (DESIGN.md §3.1), in
// one place so that it is one place to change when the vendor's answer
// differs. webhook is a second partner with other parameter kinds (numbers,
// header maps, enums, an optional secret), so that a generic client is
// tested on more than Braze's shapes.

// The parameter kinds the sandbox's partners use, of the vendor's twelve.
const (
	parameterString      = "string"
	parameterNumber      = "number"
	parameterBoolean     = "boolean"
	parameterSecret      = "secret"
	parameterEnum        = "enum"
	parameterHTTPHeaders = "http_headers"
	parameterMappedField = "mapped_field"
)

// destinationType is a partner.
type destinationType struct {
	partner     string
	displayName string
	// types are the destination kinds the partner serves.
	types      []string
	parameters []destinationParameter
	// checkBetween applies the rules between parameters, after each has
	// passed its own.
	checkBetween func(config map[string]any, p *fieldProblems)
	// warnings are the plan warnings of a valid config.
	warnings func(config map[string]any) []string
}

// destinationParameter is one key of a destination's config.
type destinationParameter struct {
	id          string
	label       string
	kind        string
	description string
	enumValues  []string
	// required is what the catalog publishes: true only when every kind of
	// destination needs the parameter. requiredFor holds the rest.
	required bool
	// appliesTo are the kinds of destination that may set the parameter;
	// nil is every kind. A destination with none of them is refused it.
	appliesTo []string
	// requiredFor are the kinds of destination that need the parameter.
	requiredFor []string
	// check applies the parameter's own rules to a value of its kind's JSON
	// type (decoded with json.Number for numbers).
	check func(field string, value any, p *fieldProblems)
}

func (param *destinationParameter) writeOnly() bool {
	return param.kind == parameterSecret
}

var (
	streamKinds = []string{kindEvent, kindIdentify}

	// streamIdentifiers are the Braze identifiers an event stream maps its
	// users to; cohortIdentifiers those a cohort sync matches users by
	// (amplitude.com/docs/data/destination-catalog/braze).
	streamIdentifiers = []string{"external_id", "braze_id", "user_alias", "email"}
	cohortIdentifiers = []string{"external_id", "device_id", "user_alias"}

	uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	// headerNamePattern is an HTTP field name (RFC 9110's token).
	headerNamePattern = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
)

const (
	maxCohortMappings = 3
	maxWebhookBatch   = 1000
)

// brazeEndpoints are Braze's published REST endpoints, in the order of
// their instances' names.
func brazeEndpoints() []string {
	names := slices.Sorted(maps.Keys(BrazeInstances))
	endpoints := make([]string, len(names))
	for i, name := range names {
		endpoints[i] = BrazeInstances[name]
	}
	return endpoints
}

var destinationTypes = []destinationType{
	{
		partner:     "braze",
		displayName: "Braze",
		types:       []string{kindEvent, kindIdentify, kindCohort},
		parameters: []destinationParameter{
			{
				id: "api_endpoint", label: "Braze REST endpoint", kind: parameterEnum, required: true,
				description: "The REST endpoint of your Braze instance.",
				enumValues:  brazeEndpoints(),
			},
			{
				id: "api_key", label: "Braze REST API key", kind: parameterSecret,
				appliesTo: streamKinds, requiredFor: streamKinds,
				description: "A Braze REST API key with the users.track permission whose allowed IPs admit Amplitude's. Required for event and identify destinations.",
			},
			{
				id: "app_id", label: "Braze app identifier", kind: parameterString,
				appliesTo: streamKinds, requiredFor: streamKinds,
				description: "The Braze app identifier, a UUID. Required for event and identify destinations.",
				check:       checkUUID,
			},
			{
				id: "user_alias_label", label: "User alias label", kind: parameterString,
				description: "The label of the Braze user alias. Required when a mapping uses user_alias.",
			},
			{
				id: "update_users_only", label: "Update existing users only", kind: parameterBoolean,
				appliesTo:   streamKinds,
				description: "Update users Braze already has instead of creating new ones. Event and identify destinations; false when not set.",
			},
			{
				id: "user_id_mapping", label: "User identifier mapping", kind: parameterMappedField,
				appliesTo: streamKinds, requiredFor: streamKinds,
				description: `The Amplitude user property that identifies a user in Braze: {"amplitude_property", "braze_identifier": ` +
					strings.Join(streamIdentifiers, "|") + "}. Required for event and identify destinations.",
				check: checkUserIDMapping,
			},
			{
				id: "data_import_key", label: "Braze data import key", kind: parameterSecret,
				appliesTo: []string{kindCohort}, requiredFor: []string{kindCohort},
				description: "The data import key of Braze's Amplitude partner integration. Required for cohort destinations.",
			},
			{
				id: "identifier_mappings", label: "Identifier mappings", kind: parameterMappedField,
				appliesTo: []string{kindCohort}, requiredFor: []string{kindCohort},
				description: fmt.Sprintf(`The Amplitude user properties that match users in Braze, in priority order: 1 to %d of {"amplitude_property", "braze_identifier": %s}, each identifier at most once. Required for cohort destinations.`,
					maxCohortMappings, strings.Join(cohortIdentifiers, "|")),
				check: checkIdentifierMappings,
			},
		},
		checkBetween: checkBrazeAlias,
		warnings:     brazeWarnings,
	},
	{
		partner:     "webhook",
		displayName: "Webhook",
		types:       []string{kindEvent},
		parameters: []destinationParameter{
			{
				id: "url", label: "URL", kind: parameterString, required: true,
				description: "The https:// URL events are posted to.",
				check:       checkHTTPSURL,
			},
			{
				id: "headers", label: "Headers", kind: parameterHTTPHeaders,
				description: "HTTP headers sent with every request, name to value.",
			},
			{
				id: "auth_token", label: "Bearer token", kind: parameterSecret,
				description: "Sent as Authorization: Bearer with every request.",
			},
			{
				id: "batch_size", label: "Batch size", kind: parameterNumber,
				description: fmt.Sprintf("Events per request, a whole number from 1 to %d.", maxWebhookBatch),
				check:       checkBatchSize,
			},
			{
				id: "format", label: "Body format", kind: parameterEnum,
				description: "json (one array per request) or ndjson (one event per line).",
				enumValues:  []string{"json", "ndjson"},
			},
		},
	},
}

func destinationTypeOf(partner string) *destinationType {
	i := slices.IndexFunc(destinationTypes, func(t destinationType) bool { return t.partner == partner })
	if i < 0 {
		return nil
	}
	return &destinationTypes[i]
}

func partnerNames() string {
	names := make([]string, len(destinationTypes))
	for i, t := range destinationTypes {
		names[i] = t.partner
	}
	return strings.Join(names, ", ")
}

// parameter finds a parameter of the partner; a partner the catalog does
// not have (only a hand-edited state file can name one) has none.
func (t *destinationType) parameter(id string) *destinationParameter {
	if t == nil {
		return nil
	}
	i := slices.IndexFunc(t.parameters, func(p destinationParameter) bool { return p.id == id })
	if i < 0 {
		return nil
	}
	return &t.parameters[i]
}

func (t *destinationType) parameterIDs() string {
	ids := make([]string, len(t.parameters))
	for i, p := range t.parameters {
		ids[i] = p.id
	}
	return strings.Join(ids, ", ")
}

// checkConfig validates a destination's whole config for its kinds: every
// key a parameter of the partner that applies to them, every parameter they
// need present, every value of its parameter's kind and within its rules.
// Values are decoded with json.Number for numbers.
func (t *destinationType) checkConfig(config map[string]any, kinds []string, p *fieldProblems) {
	for _, id := range slices.Sorted(maps.Keys(config)) {
		field := "config." + id
		param := t.parameter(id)
		switch {
		case param == nil:
			p.add(field, problemUnknownField, "%s is not a parameter of partner %s; its parameters are %s", field, t.partner, t.parameterIDs())
		case param.appliesTo != nil && !overlaps(kinds, param.appliesTo):
			p.add(field, problemNotAllowed, "%s is for %s destinations; this one is of kind %s", field, strings.Join(param.appliesTo, " or "), strings.Join(kinds, ", "))
		default:
			param.checkValue(field, config[id], p)
		}
	}
	for i := range t.parameters {
		param := &t.parameters[i]
		if _, set := config[param.id]; set {
			continue
		}
		if param.required || overlaps(kinds, param.requiredFor) {
			p.add("config."+param.id, problemRequired, "config.%s is required: %s", param.id, param.description)
		}
	}
	if t.checkBetween != nil {
		t.checkBetween(config, p)
	}
}

// checkValue checks the JSON type of the parameter's kind, then the
// parameter's own rules.
func (param *destinationParameter) checkValue(field string, value any, p *fieldProblems) {
	switch param.kind {
	case parameterString, parameterSecret, parameterEnum:
		s, ok := value.(string)
		switch {
		case !ok:
			p.add(field, problemInvalidType, "%s must be a string", field)
			return
		case strings.TrimSpace(s) == "":
			p.add(field, problemTooShort, "%s must not be blank", field)
			return
		case param.kind == parameterEnum && !slices.Contains(param.enumValues, s):
			p.add(field, problemInvalidValue, "%s %q is not valid: use one of %s", field, s, strings.Join(param.enumValues, ", "))
			return
		}
	case parameterBoolean:
		if _, ok := value.(bool); !ok {
			p.add(field, problemInvalidType, "%s must be true or false", field)
			return
		}
	case parameterNumber:
		if _, ok := value.(json.Number); !ok {
			p.add(field, problemInvalidType, "%s must be a number", field)
			return
		}
	case parameterHTTPHeaders:
		if !checkHeaders(field, value, p) {
			return
		}
	}
	if param.check != nil {
		param.check(field, value, p)
	}
}

func checkUUID(field string, value any, p *fieldProblems) {
	if s := value.(string); !uuidPattern.MatchString(s) {
		p.add(field, problemInvalidValue, "%s %q must be a UUID such as 01234567-89ab-cdef-0123-456789abcdef", field, s)
	}
}

func checkHTTPSURL(field string, value any, p *fieldProblems) {
	s := value.(string)
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		p.add(field, problemInvalidValue, "%s %q must be an https:// URL", field, s)
	}
}

func checkBatchSize(field string, value any, p *fieldProblems) {
	n, err := value.(json.Number).Float64()
	if err != nil || n != math.Trunc(n) || n < 1 || n > maxWebhookBatch {
		p.add(field, problemInvalidValue, "%s %s must be a whole number from 1 to %d", field, value, maxWebhookBatch)
	}
}

// checkHeaders checks an http_headers value: an object of header names to
// string values that fit on one line.
func checkHeaders(field string, value any, p *fieldProblems) bool {
	headers, ok := value.(map[string]any)
	if !ok {
		p.add(field, problemInvalidType, "%s must be an object of header names to string values", field)
		return false
	}
	valid := true
	for _, name := range slices.Sorted(maps.Keys(headers)) {
		at := field + "." + name
		switch v, isString := headers[name].(string); {
		case !headerNamePattern.MatchString(name):
			p.add(at, problemInvalidValue, "%s: %q is not an HTTP header name", field, name)
		case !isString:
			p.add(at, problemInvalidType, "%s must be a string", at)
		case strings.ContainsAny(v, "\r\n"):
			p.add(at, problemInvalidValue, "%s must not contain line breaks", at)
		default:
			continue
		}
		valid = false
	}
	return valid
}

func checkUserIDMapping(field string, value any, p *fieldProblems) {
	checkMapping(field, value, streamIdentifiers, p)
}

// checkIdentifierMappings checks a cohort destination's identifiers: an
// ordered list, each Braze identifier at most once.
func checkIdentifierMappings(field string, value any, p *fieldProblems) {
	list, ok := value.([]any)
	if !ok {
		p.add(field, problemInvalidType, "%s must be a list of 1 to %d mappings in priority order", field, maxCohortMappings)
		return
	}
	switch n := len(list); {
	case n == 0:
		p.add(field, problemTooShort, "%s must list at least one mapping", field)
	case n > maxCohortMappings:
		p.add(field, problemTooLong, "%s has %d mappings; at most %d are allowed", field, n, maxCohortMappings)
	}
	seen := map[string]int{}
	for i, item := range list {
		at := fmt.Sprintf("%s[%d]", field, i)
		identifier, ok := checkMapping(at, item, cohortIdentifiers, p)
		if !ok {
			continue
		}
		if first, repeated := seen[identifier]; repeated {
			p.add(at+".braze_identifier", problemDuplicate, "%s.braze_identifier %q repeats %s[%d]; each identifier may be used once", at, identifier, field, first)
			continue
		}
		seen[identifier] = i
	}
}

// checkMapping checks {"amplitude_property", "braze_identifier"} and
// returns the identifier when it is valid.
func checkMapping(field string, value any, identifiers []string, p *fieldProblems) (string, bool) {
	m, ok := value.(map[string]any)
	if !ok {
		p.add(field, problemInvalidType, `%s must be an object {"amplitude_property", "braze_identifier"}`, field)
		return "", false
	}
	for _, key := range slices.Sorted(maps.Keys(m)) {
		if key != "amplitude_property" && key != "braze_identifier" {
			p.add(field+"."+key, problemUnknownField, "%s.%s is not a field of a mapping; a mapping has amplitude_property and braze_identifier", field, key)
		}
	}
	switch property, isString := m["amplitude_property"].(string); {
	case m["amplitude_property"] == nil:
		p.add(field+".amplitude_property", problemRequired, "%s.amplitude_property is required: the Amplitude user property that holds the identifier, such as user_id", field)
	case !isString:
		p.add(field+".amplitude_property", problemInvalidType, "%s.amplitude_property must be a string", field)
	case strings.TrimSpace(property) == "":
		p.add(field+".amplitude_property", problemTooShort, "%s.amplitude_property must not be blank", field)
	}
	identifier, isString := m["braze_identifier"].(string)
	switch {
	case m["braze_identifier"] == nil:
		p.add(field+".braze_identifier", problemRequired, "%s.braze_identifier is required: one of %s", field, strings.Join(identifiers, ", "))
	case !isString:
		p.add(field+".braze_identifier", problemInvalidType, "%s.braze_identifier must be a string", field)
	case !slices.Contains(identifiers, identifier):
		p.add(field+".braze_identifier", problemInvalidValue, "%s.braze_identifier %q is not valid: use one of %s", field, identifier, strings.Join(identifiers, ", "))
	default:
		return identifier, true
	}
	return "", false
}

// checkBrazeAlias requires the alias label of a mapping that uses
// user_alias: Braze finds an alias by its label and name.
func checkBrazeAlias(config map[string]any, p *fieldProblems) {
	if _, set := config["user_alias_label"]; !set && usesUserAlias(config) {
		p.add("config.user_alias_label", problemRequired, "config.user_alias_label is required when a mapping uses user_alias")
	}
}

func brazeWarnings(config map[string]any) []string {
	if _, set := config["user_alias_label"]; set && !usesUserAlias(config) {
		return []string{"user_alias_label is set but no mapping uses user_alias: it is ignored"}
	}
	return nil
}

func usesUserAlias(config map[string]any) bool {
	mappings := []any{config["user_id_mapping"]}
	if list, ok := config["identifier_mappings"].([]any); ok {
		mappings = append(mappings, list...)
	}
	return slices.ContainsFunc(mappings, func(m any) bool {
		mapping, ok := m.(map[string]any)
		return ok && mapping["braze_identifier"] == "user_alias"
	})
}

// destinationTypeView is a partner as the catalog answers it.
type destinationTypeView struct {
	ID          string          `json:"id"`
	Object      string          `json:"object"`
	Partner     string          `json:"partner"`
	DisplayName string          `json:"display_name"`
	Types       []string        `json:"types"`
	Parameters  []parameterView `json:"parameters"`
}

type parameterView struct {
	ID          string   `json:"id"`
	Label       string   `json:"label"`
	Kind        string   `json:"kind"`
	Required    bool     `json:"required"`
	Description string   `json:"description"`
	EnumValues  []string `json:"enum_values,omitempty"`
	WriteOnly   bool     `json:"write_only"`
}

// view answers the partner; its id is its key, the only identity the
// catalog needs.
func (t *destinationType) view() destinationTypeView {
	params := make([]parameterView, len(t.parameters))
	for i := range t.parameters {
		param := &t.parameters[i]
		params[i] = parameterView{
			ID:          param.id,
			Label:       param.label,
			Kind:        param.kind,
			Required:    param.required,
			Description: param.description,
			EnumValues:  param.enumValues,
			WriteOnly:   param.writeOnly(),
		}
	}
	return destinationTypeView{
		ID:          t.partner,
		Object:      "destination_type",
		Partner:     t.partner,
		DisplayName: t.displayName,
		Types:       t.types,
		Parameters:  params,
	}
}

func overlaps(a, b []string) bool {
	return slices.ContainsFunc(a, func(s string) bool { return slices.Contains(b, s) })
}
