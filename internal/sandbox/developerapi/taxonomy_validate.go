package developerapi

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// A taxonomy create or PATCH body: events, event properties and user
// properties share their members' rules. Each member is checked on its own
// here, and every problem is a 400 validation_error located at the body
// member (a list's bad entry is named in the message, not the field). The
// rules between members (enum_values with data_type enum, regex with
// string) hold for the object the request would leave, and are
// propertyMetadata.check's.

// taxonomyRequest is a body whose members each have a valid value. A
// pointer value that was sent nil is a JSON null: it clears the field.
type taxonomyRequest struct {
	eventType       sentField[string]
	propertyName    sentField[string]
	displayName     sentField[*string]
	description     sentField[*string]
	isActive        sentField[bool]
	dataType        sentField[*string]
	isArrayType     sentField[bool]
	enumValues      sentField[[]string]
	regex           sentField[*string]
	isHidden        sentField[bool]
	classifications sentField[[]string]
}

// taxonomyBody says which members one operation's body takes.
type taxonomyBody struct {
	takes    []string
	required []string
	// fixed are members of the object that this request cannot change:
	// not_allowed, rather than unknown_field.
	fixed []string
}

// propertySettings are the members that describe a property's values.
var propertySettings = []string{"description", "data_type", "is_array_type", "enum_values", "regex", "is_hidden", "classifications"}

var (
	eventCreateBody = taxonomyBody{takes: []string{"event_type", "description"}, required: []string{"event_type"}}
	eventPatchBody  = taxonomyBody{takes: []string{"description", "is_active"}}

	eventPropertyCreateBody = taxonomyBody{
		takes:    slices.Concat([]string{"property_name"}, propertySettings),
		required: []string{"property_name"},
	}
	eventPropertyPatchBody = taxonomyBody{takes: propertySettings}
	userPropertyCreateBody = taxonomyBody{
		takes:    slices.Concat([]string{"property_name", "display_name"}, propertySettings),
		required: []string{"property_name"},
	}
	// A user property's type and shape are set when it is created: the
	// vendor's PATCH takes only these four.
	userPropertyPatchBody = taxonomyBody{
		takes: []string{"display_name", "description", "is_hidden", "classifications"},
		fixed: []string{"data_type", "is_array_type", "enum_values", "regex"},
	}
)

// The limits of the names and texts. The vendor documents none; these are
// the sandbox's, chosen generous enough for any real tracking plan.
const (
	maxEventTypeLength = 1024
	maxTextLength      = 1000
)

// The data types a property may have. null, the seventh value, leaves the
// property untyped.
var propertyDataTypes = []string{"string", "number", "boolean", "object", "enum", "any"}

// propertyClassifications are the data access control tags. The vendor's
// schema names PII, SENSITIVE and INTERNAL as examples and declares no
// list; REVENUE completes the set the sandbox takes.
var propertyClassifications = []string{"PII", "SENSITIVE", "INTERNAL", "REVENUE"}

func decodeTaxonomyRequest(r *http.Request, body taxonomyBody) (taxonomyRequest, error) {
	var req taxonomyRequest
	fields, err := decodeJSONObject(r)
	if err != nil {
		return req, err
	}
	var p core.FieldProblems
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		raw := fields[name]
		if !slices.Contains(body.takes, name) {
			if slices.Contains(body.fixed, name) {
				p.Add(name, problemNotAllowed, "%s is set when the property is created and cannot change", name)
			} else {
				p.Add(name, problemUnknownField, "%s is not a field this request takes; it takes %s", name, strings.Join(body.takes, ", "))
			}
			continue
		}
		switch name {
		case "event_type":
			req.eventType.setIf(decodeName(raw, name, maxEventTypeLength, &p))
		case "property_name":
			req.propertyName.setIf(decodeName(raw, name, 0, &p))
		case "display_name":
			req.displayName.setIf(decodeText(raw, name, &p))
		case "description":
			req.description.setIf(decodeText(raw, name, &p))
		case "is_active":
			req.isActive.setIf(decodeBool(raw, name, &p))
		case "is_array_type":
			req.isArrayType.setIf(decodeBool(raw, name, &p))
		case "is_hidden":
			req.isHidden.setIf(decodeBool(raw, name, &p))
		case "data_type":
			req.dataType.setIf(decodeDataType(raw, &p))
		case "enum_values":
			req.enumValues.setIf(decodeNameList(raw, name, nil, &p))
		case "regex":
			req.regex.setIf(decodeRegex(raw, &p))
		case "classifications":
			req.classifications.setIf(decodeNameList(raw, name, propertyClassifications, &p))
		}
	}
	for _, name := range body.required {
		if _, sent := fields[name]; !sent {
			p.Add(name, problemRequired, "%s is required", name)
		}
	}
	return req, p.Err(http.StatusBadRequest, codeValidationError)
}

// checkPadding refuses a blank value, or one with white space at either
// end: the sandbox refuses rather than trims, so what is stored is what was
// sent.
func checkPadding(s, what, field string, p *core.FieldProblems) bool {
	switch {
	case strings.TrimSpace(s) == "":
		p.Add(field, problemInvalidValue, "%s must not be blank", what)
	case strings.TrimSpace(s) != s:
		p.Add(field, problemInvalidValue, "%s %q must not start or end with white space", what, s)
	default:
		return true
	}
	return false
}

// decodeName decodes an event type or property name, at most maxLength
// characters (0: no limit).
func decodeName(raw json.RawMessage, field string, maxLength int, p *core.FieldProblems) (string, bool) {
	s, ok := decodeString(raw, field, p)
	if !ok || !checkPadding(s, field, field, p) {
		return "", false
	}
	if maxLength > 0 && utf8.RuneCountInString(s) > maxLength {
		p.Add(field, problemTooLong, "%s must be at most %d characters", field, maxLength)
		return "", false
	}
	return s, true
}

// decodeText decodes a description or display name: a string or null.
func decodeText(raw json.RawMessage, field string, p *core.FieldProblems) (*string, bool) {
	if isNull(raw) {
		return nil, true
	}
	s, ok := decodeString(raw, field, p)
	if !ok || !checkPadding(s, field, field, p) {
		return nil, false
	}
	if utf8.RuneCountInString(s) > maxTextLength {
		p.Add(field, problemTooLong, "%s must be at most %d characters", field, maxTextLength)
		return nil, false
	}
	return &s, true
}

func decodeDataType(raw json.RawMessage, p *core.FieldProblems) (*string, bool) {
	const field = "data_type"
	if isNull(raw) {
		return nil, true
	}
	s, ok := decodeString(raw, field, p)
	if !ok {
		return nil, false
	}
	if !slices.Contains(propertyDataTypes, s) {
		p.Add(field, problemInvalidValue, "data_type %q is not valid: use one of %s, or null for an untyped property", s, strings.Join(propertyDataTypes, ", "))
		return nil, false
	}
	return &s, true
}

func decodeRegex(raw json.RawMessage, p *core.FieldProblems) (*string, bool) {
	const field = "regex"
	if isNull(raw) {
		return nil, true
	}
	s, ok := decodeString(raw, field, p)
	if !ok {
		return nil, false
	}
	if strings.TrimSpace(s) == "" {
		p.Add(field, problemInvalidValue, "regex must not be blank; send null for no regex")
		return nil, false
	}
	if _, err := regexp.Compile(s); err != nil {
		p.Add(field, problemInvalidValue, "regex %q does not compile: %s", s, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		return nil, false
	}
	return &s, true
}

// decodeNameList decodes a list of distinct, unpadded strings, each one of
// allowed if allowed is given. null is the empty list: the field always
// holds a list.
func decodeNameList(raw json.RawMessage, field string, allowed []string, p *core.FieldProblems) ([]string, bool) {
	if isNull(raw) {
		return []string{}, true
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		p.Add(field, problemInvalidType, "%s must be a list of strings, or null", field)
		return nil, false
	}
	list := make([]string, 0, len(items))
	valid := true
	for i, item := range items {
		entry := fmt.Sprintf("%s[%d]", field, i)
		var s string
		if isNull(item) || json.Unmarshal(item, &s) != nil {
			p.Add(field, problemInvalidType, "%s must be a string", entry)
			valid = false
			continue
		}
		switch {
		case !checkPadding(s, entry, field, p):
			valid = false
		case allowed != nil && !slices.Contains(allowed, s):
			p.Add(field, problemInvalidValue, "%s %q is not valid: use %s", entry, s, strings.Join(allowed, ", "))
			valid = false
		case slices.Contains(list, s):
			p.Add(field, problemDuplicate, "%s %q is listed twice", entry, s)
			valid = false
		default:
			list = append(list, s)
		}
	}
	return list, valid
}
