package developerapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// How the Developer API reads what a request sends: a JSON body whose
// members are decoded one by one, so that every problem is located where
// it is (validation_errors, each {"field", "message", "code"}:
// amplitude.com/docs/apis/developer), and the query parameters its
// operations share. Every request body the vendor documents refuses members
// it does not list (each operation's page).

// The codes of a located problem (validation_errors[].code), one per kind
// of mistake. The vendor documents the member but none of its values: these
// are the sandbox's.
const (
	problemRequired           = "required"
	problemUnknownField       = "unknown_field"
	problemInvalidType        = "invalid_type"
	problemInvalidValue       = "invalid_value"
	problemTooShort           = "too_short"
	problemTooLong            = "too_long"
	problemNotAllowed         = "not_allowed"
	problemDuplicate          = "duplicate"
	problemCredentialRejected = "credential_rejected"
)

// sentField is a field of a body: whether it was sent, and its value.
type sentField[T any] struct {
	sent  bool
	value T
}

func (f *sentField[T]) set(value T) {
	f.sent, f.value = true, value
}

// setIf sets the field to value if the body's member decoded to a valid
// one (ok), as each decodeX reports it.
func (f *sentField[T]) setIf(value T, ok bool) {
	if ok {
		f.set(value)
	}
}

// setIfSentField sets field to what the body sent, if it sent it.
func setIfSentField[T any](field *T, sent sentField[T]) {
	if sent.sent {
		*field = sent.value
	}
}

// decodeJSONObject reads a body that must be one JSON object, and returns
// its fields undecoded.
func decodeJSONObject(r *http.Request) (map[string]json.RawMessage, error) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, core.Refuse(http.StatusBadRequest, "request body could not be read: %v", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, core.Refuse(http.StatusBadRequest, "request body is empty; send a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var fields map[string]json.RawMessage
	if err := dec.Decode(&fields); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, core.Refuse(http.StatusBadRequest, "request body must be a JSON object, not %s", typeErr.Value)
		}
		return nil, core.Refuse(http.StatusBadRequest, "request body is not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if fields == nil {
		return nil, core.Refuse(http.StatusBadRequest, "request body must be a JSON object, not null")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, core.Refuse(http.StatusBadRequest, "request body has data after the JSON object")
	}
	return fields, nil
}

func isNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// decodeString decodes a string field; null is not a string.
func decodeString(raw json.RawMessage, field string, p *core.FieldProblems) (string, bool) {
	var s string
	if isNull(raw) || json.Unmarshal(raw, &s) != nil {
		p.Add(field, problemInvalidType, "%s must be a string", field)
		return "", false
	}
	return s, true
}

func decodeBool(raw json.RawMessage, field string, p *core.FieldProblems) (bool, bool) {
	var b bool
	if isNull(raw) || json.Unmarshal(raw, &b) != nil {
		p.Add(field, problemInvalidType, "%s must be true or false", field)
		return false, false
	}
	return b, true
}

// decodeObject decodes an object field into its members, refusing those
// not in known.
func decodeObject(raw json.RawMessage, field string, known []string, p *core.FieldProblems) (map[string]json.RawMessage, bool) {
	var members map[string]json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &members) != nil {
		p.Add(field, problemInvalidType, "%s must be an object", field)
		return nil, false
	}
	valid := true
	for _, name := range slices.Sorted(maps.Keys(members)) {
		if !slices.Contains(known, name) {
			p.Add(field+"."+name, problemUnknownField, "%s.%s is not a field of %s; its fields are %s", field, name, field, strings.Join(known, ", "))
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

func decodeStringList(raw json.RawMessage, field string, rules stringListRules, p *core.FieldProblems) ([]string, bool) {
	var items []json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &items) != nil {
		p.Add(field, problemInvalidType, "%s must be a list of strings", field)
		return nil, false
	}
	if len(items) < rules.minItems {
		p.Add(field, problemTooShort, "%s must list at least %d", field, rules.minItems)
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
			p.Add(at, problemTooShort, "%s must not be blank", at)
		case rules.distinct && slices.Contains(list, s):
			p.Add(at, problemDuplicate, "%s %q is listed twice", at, s)
		default:
			list = append(list, s)
			continue
		}
		valid = false
	}
	return list, valid
}

// parseBoolParam reads a true|false query parameter; absent is nil.
func parseBoolParam(q url.Values, name string, problems *core.FieldProblems) *bool {
	if !q.Has(name) {
		return nil
	}
	switch v := q.Get(name); v {
	case "true":
		return ptr(true)
	case "false":
		return ptr(false)
	default:
		problems.Add(name, problemInvalidValue, "%s %q must be true or false", name, v)
		return nil
	}
}

// parseDryRun reads dry_run: true asks for a plan; false, or none, for the
// write itself (amplitude.com/docs/apis/developer/destinations/create-a-destination).
func parseDryRun(q url.Values) (bool, error) {
	var problems core.FieldProblems
	dryRun := parseBoolParam(q, "dry_run", &problems)
	return dryRun != nil && *dryRun, problems.Err(http.StatusBadRequest, codeValidationError)
}

func ptr[T any](v T) *T { return &v }
