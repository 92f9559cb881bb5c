package developerapi

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/url"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// A partner's rules for a destination's config: each parameter's kind and
// own checks, then the rules between parameters. Every problem is located
// at config.<parameter>, in a 422 invalid_config (open points: Braze's
// parameter ids, and Error codes of 412 / 422, x-modelled in
// api/amplitude-developer.openapi.yaml).

// checkConfig validates a destination's whole config for its kinds: every
// key a parameter of the partner that applies to them, every parameter they
// need present, every value of its parameter's kind and within its rules.
// Values are decoded with json.Number for numbers.
func (t *destinationType) checkConfig(config map[string]any, kinds []string, p *core.FieldProblems) {
	for _, id := range slices.Sorted(maps.Keys(config)) {
		field := "config." + id
		param := t.parameter(id)
		switch {
		case param == nil:
			p.Add(field, problemUnknownField, "%s is not a parameter of partner %s; its parameters are %s", field, t.partner, t.parameterIDs())
		case param.appliesTo != nil && !overlaps(kinds, param.appliesTo):
			p.Add(field, problemNotAllowed, "%s is for %s destinations; this one is of kind %s", field, strings.Join(param.appliesTo, " or "), strings.Join(kinds, ", "))
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
			p.Add("config."+param.id, problemRequired, "config.%s is required: %s", param.id, param.description)
		}
	}
	if t.checkBetween != nil {
		t.checkBetween(config, p)
	}
}

// checkValue checks the JSON type of the parameter's kind, then the
// parameter's own rules.
func (param *destinationParameter) checkValue(field string, value any, p *core.FieldProblems) {
	switch param.kind {
	case parameterString, parameterSecret, parameterEnum:
		s, ok := value.(string)
		switch {
		case !ok:
			p.Add(field, problemInvalidType, "%s must be a string", field)
			return
		case strings.TrimSpace(s) == "":
			p.Add(field, problemTooShort, "%s must not be blank", field)
			return
		case param.kind == parameterEnum && !slices.Contains(param.enumValues, s):
			p.Add(field, problemInvalidValue, "%s %q is not valid: use one of %s", field, s, strings.Join(param.enumValues, ", "))
			return
		}
	case parameterBoolean:
		if _, ok := value.(bool); !ok {
			p.Add(field, problemInvalidType, "%s must be true or false", field)
			return
		}
	case parameterNumber:
		if _, ok := value.(json.Number); !ok {
			p.Add(field, problemInvalidType, "%s must be a number", field)
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

func checkUUID(field string, value any, p *core.FieldProblems) {
	if s := value.(string); !uuidPattern.MatchString(s) {
		p.Add(field, problemInvalidValue, "%s %q must be a UUID such as 01234567-89ab-cdef-0123-456789abcdef", field, s)
	}
}

func checkHTTPSURL(field string, value any, p *core.FieldProblems) {
	s := value.(string)
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		p.Add(field, problemInvalidValue, "%s %q must be an https:// URL", field, s)
	}
}

func checkBatchSize(field string, value any, p *core.FieldProblems) {
	n, err := value.(json.Number).Float64()
	if err != nil || n != math.Trunc(n) || n < 1 || n > maxWebhookBatch {
		p.Add(field, problemInvalidValue, "%s %s must be a whole number from 1 to %d", field, value, maxWebhookBatch)
	}
}

// checkHeaders checks an http_headers value: an object of header names to
// string values that fit on one line.
func checkHeaders(field string, value any, p *core.FieldProblems) bool {
	headers, ok := value.(map[string]any)
	if !ok {
		p.Add(field, problemInvalidType, "%s must be an object of header names to string values", field)
		return false
	}
	valid := true
	for _, name := range slices.Sorted(maps.Keys(headers)) {
		at := field + "." + name
		switch v, isString := headers[name].(string); {
		case !headerNamePattern.MatchString(name):
			p.Add(at, problemInvalidValue, "%s: %q is not an HTTP header name", field, name)
		case !isString:
			p.Add(at, problemInvalidType, "%s must be a string", at)
		case strings.ContainsAny(v, "\r\n"):
			p.Add(at, problemInvalidValue, "%s must not contain line breaks", at)
		default:
			continue
		}
		valid = false
	}
	return valid
}

func checkUserIDMapping(field string, value any, p *core.FieldProblems) {
	checkMapping(field, value, streamIdentifiers, p)
}

// checkIdentifierMappings checks a cohort destination's identifiers: an
// ordered list, each Braze identifier at most once.
func checkIdentifierMappings(field string, value any, p *core.FieldProblems) {
	list, ok := value.([]any)
	if !ok {
		p.Add(field, problemInvalidType, "%s must be a list of 1 to %d mappings in priority order", field, maxCohortMappings)
		return
	}
	switch n := len(list); {
	case n == 0:
		p.Add(field, problemTooShort, "%s must list at least one mapping", field)
	case n > maxCohortMappings:
		p.Add(field, problemTooLong, "%s has %d mappings; at most %d are allowed", field, n, maxCohortMappings)
	}
	seen := map[string]int{}
	for i, item := range list {
		at := fmt.Sprintf("%s[%d]", field, i)
		identifier, ok := checkMapping(at, item, cohortIdentifiers, p)
		if !ok {
			continue
		}
		if first, repeated := seen[identifier]; repeated {
			p.Add(at+".braze_identifier", problemDuplicate, "%s.braze_identifier %q repeats %s[%d]; each identifier may be used once", at, identifier, field, first)
			continue
		}
		seen[identifier] = i
	}
}

// checkMapping checks {"amplitude_property", "braze_identifier"} and
// returns the identifier when it is valid.
func checkMapping(field string, value any, identifiers []string, p *core.FieldProblems) (string, bool) {
	m, ok := value.(map[string]any)
	if !ok {
		p.Add(field, problemInvalidType, `%s must be an object {"amplitude_property", "braze_identifier"}`, field)
		return "", false
	}
	for _, key := range slices.Sorted(maps.Keys(m)) {
		if key != "amplitude_property" && key != "braze_identifier" {
			p.Add(field+"."+key, problemUnknownField, "%s.%s is not a field of a mapping; a mapping has amplitude_property and braze_identifier", field, key)
		}
	}
	switch property, isString := m["amplitude_property"].(string); {
	case m["amplitude_property"] == nil:
		p.Add(field+".amplitude_property", problemRequired, "%s.amplitude_property is required: the Amplitude user property that holds the identifier, such as user_id", field)
	case !isString:
		p.Add(field+".amplitude_property", problemInvalidType, "%s.amplitude_property must be a string", field)
	case strings.TrimSpace(property) == "":
		p.Add(field+".amplitude_property", problemTooShort, "%s.amplitude_property must not be blank", field)
	}
	identifier, isString := m["braze_identifier"].(string)
	switch {
	case m["braze_identifier"] == nil:
		p.Add(field+".braze_identifier", problemRequired, "%s.braze_identifier is required: one of %s", field, strings.Join(identifiers, ", "))
	case !isString:
		p.Add(field+".braze_identifier", problemInvalidType, "%s.braze_identifier must be a string", field)
	case !slices.Contains(identifiers, identifier):
		p.Add(field+".braze_identifier", problemInvalidValue, "%s.braze_identifier %q is not valid: use one of %s", field, identifier, strings.Join(identifiers, ", "))
	default:
		return identifier, true
	}
	return "", false
}

// checkBrazeAlias requires the alias label of a mapping that uses
// user_alias: Braze finds an alias by its label and name, and the
// destination's label is "used only with the User Alias identifier"
// (amplitude.com/docs/data/destination-catalog/braze).
func checkBrazeAlias(config map[string]any, p *core.FieldProblems) {
	if _, set := config["user_alias_label"]; !set && usesUserAlias(config) {
		p.Add("config.user_alias_label", problemRequired, "config.user_alias_label is required when a mapping uses user_alias")
	}
}

// brazeWarnings are the sandbox's plan warnings for a Braze config.
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
