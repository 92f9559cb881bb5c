package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// How a request is checked against its document: kin-openapi validates it,
// and each mismatch becomes a located problem, with a code and a message
// that names the field and says what would be valid. The codes are the
// sandbox's own, because the vendors publish none. The Developer API shows
// them in validation_errors; the other APIs show only the messages.

// The codes of a located problem, one per kind of mistake.
const (
	ProblemRequired     = "required"
	ProblemUnknownField = "unknown_field"
	ProblemInvalidType  = "invalid_type"
	ProblemInvalidValue = "invalid_value"
	ProblemTooShort     = "too_short"
	ProblemTooLong      = "too_long"
	ProblemNotAllowed   = "not_allowed"
	ProblemDuplicate    = "duplicate"
)

// checkRequest validates the request against the operation. The request
// pipeline has read the body into memory; it is read again here and put
// back for the handler.
func (op *Operation) checkRequest(r *http.Request) FieldProblems {
	var p FieldProblems
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	var v any
	if err := json.Unmarshal(body, &v); err != nil && op.route.Operation.RequestBody != nil && len(bytes.TrimSpace(body)) > 0 {
		// kin-openapi decodes the first JSON value only, and would let
		// anything after it pass.
		p.Add("", ProblemInvalidValue, "the request body is not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
		return p
	}
	checked := r.Clone(r.Context())
	checked.Body = io.NopCloser(bytes.NewReader(body))
	params := map[string]string{}
	for _, param := range op.parameters() {
		if param.In == openapi3.ParameterInPath {
			params[param.Name] = r.PathValue(param.Name)
		}
	}
	err := openapi3filter.ValidateRequest(r.Context(), &openapi3filter.RequestValidationInput{
		Request: checked, PathParams: params, Route: op.route,
		Options: &openapi3filter.Options{
			MultiError: true,
			// Check the body as sent; filling in defaults is the handlers' job.
			SkipSettingDefaults: true,
			// The guard has already checked the credentials, before the shape.
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		},
	})
	var requestErrors openapi3.MultiError
	if !errors.As(err, &requestErrors) && err != nil {
		requestErrors = openapi3.MultiError{err}
	}
	for _, e := range requestErrors {
		var re *openapi3filter.RequestError
		if !errors.As(e, &re) {
			p.Add("", ProblemInvalidValue, "the request is not valid: %v", e)
			continue
		}
		field, schema := "", (*openapi3.Schema)(nil)
		if re.Parameter != nil {
			field, schema = re.Parameter.Name, re.Parameter.Schema.Value
		}
		switch {
		case errors.Is(re.Err, openapi3filter.ErrInvalidRequired) && field == "":
			p.Add("", ProblemRequired, "the request body is empty; send a JSON object")
		case errors.Is(re.Err, openapi3filter.ErrInvalidRequired):
			p.Add(field, ProblemRequired, "%s is required: %s", field, describe(schema))
		case isSchemaError(re.Err):
			addSchemaProblems(&p, field, re.Err)
		case schema != nil:
			// A value that does not even parse as its type, such as limit=ten.
			sent := map[string]string{openapi3.ParameterInHeader: r.Header.Get(field), openapi3.ParameterInQuery: r.URL.Query().Get(field)}
			p.Add(field, ProblemInvalidValue, "%s %q is not valid: it must be %s", field, sent[re.Parameter.In], describe(schema))
		default:
			p.Add("", ProblemInvalidValue, "the request is not valid: %v", re)
		}
	}
	return p
}

// CheckValue validates value, decoded from JSON, against schema, and
// locates each mismatch below field. The sandbox uses it to check a
// destination partner's parameter against the schema the partner's catalog
// gives that parameter.
func CheckValue(schema *openapi3.Schema, value any, field string) FieldProblems {
	var p FieldProblems
	addSchemaProblems(&p, field, schema.VisitJSON(value, openapi3.MultiErrors()))
	return p
}

func isSchemaError(err error) bool {
	switch err.(type) { //nolint:errorlint // addSchemaProblems takes these exact types.
	case *openapi3.SchemaError, openapi3.MultiError:
		return true
	}
	return false
}

// addSchemaProblems adds a problem for each schema mismatch in err, located
// below field. It walks kin-openapi's error types rather than using
// errors.As, which stops at a MultiError's first member.
func addSchemaProblems(p *FieldProblems, field string, err error) {
	switch e := err.(type) { //nolint:errorlint // See above.
	case openapi3.MultiError:
		for _, inner := range e {
			addSchemaProblems(p, field, inner)
		}
	case *openapi3.SchemaError:
		// A nullable reference is written as an allOf of one schema, so the
		// real mismatches are wrapped inside it: report those instead.
		for inner := errors.Unwrap(e); e.SchemaField == "allOf" && inner != nil; inner = errors.Unwrap(inner) {
			if composed, ok := inner.(openapi3.MultiError); ok { //nolint:errorlint // Looking for this exact type.
				addSchemaProblems(p, field, composed)
				return
			}
		}
		*p = append(*p, schemaProblem(joinField(field, e.JSONPointer()), e))
	case nil:
	default:
		p.Add(field, ProblemInvalidValue, "%s is not valid: %v", orBody(field), err)
	}
}

// schemaProblem describes one mismatch of the value at field.
func schemaProblem(field string, e *openapi3.SchemaError) FieldProblem {
	s, what := e.Schema, orBody(field)
	problem := func(field, code, format string, args ...any) FieldProblem {
		return FieldProblem{Field: field, Code: code, Message: fmt.Sprintf(format, args...)}
	}
	switch e.SchemaField {
	case "required":
		// The missing member is the last part of field.
		return problem(field, ProblemRequired, "%s is required", what)
	case "properties":
		var name string
		_, _ = fmt.Sscanf(e.Reason, "property %q is unsupported", &name)
		at := joinField(field, []string{name})
		return problem(at, ProblemUnknownField, "%s is not a field of %s; its fields are %s", at, what, strings.Join(slices.Sorted(maps.Keys(s.Properties)), ", "))
	case "type", "nullable":
		return problem(field, ProblemInvalidType, "%s must be %s", what, describe(s))
	case "minLength", "minItems":
		return problem(field, ProblemTooShort, "%s is too short: it must be %s", what, describe(s))
	case "maxLength", "maxItems":
		return problem(field, ProblemTooLong, "%s is too long: it must be %s", what, describe(s))
	case "uniqueItems":
		return problem(field, ProblemDuplicate, "%s lists a value twice; each may be listed once", what)
	}
	return problem(field, ProblemInvalidValue, "%s %s is not valid: it must be %s", what, jsonText(e.Value), describe(s))
}

// describe says in words what a schema accepts: its type and bounds. When
// the schema has a pattern, which would say little to a reader, or a long
// list of values (such as Braze's permissions), which would drown the
// message, it gives the first sentence of the schema's description
// instead.
func describe(s *openapi3.Schema) string {
	var what string
	switch {
	case s == nil:
		return "a JSON value"
	case (s.Pattern != "" || len(s.Enum) > 12) && s.Description != "":
		what, _, _ = strings.Cut(strings.Join(strings.Fields(s.Description), " "), ". ")
		what = strings.ToLower(what[:1]) + strings.TrimSuffix(what[1:], ".")
	case len(s.Enum) > 0:
		values := make([]string, len(s.Enum))
		for i, v := range s.Enum {
			values[i] = jsonText(v)
		}
		what = "one of " + strings.Join(values, ", ")
	case s.Type.Is(openapi3.TypeBoolean):
		what = "true or false"
	case s.Type.Is(openapi3.TypeInteger):
		what = "a whole number" + numberBounds(s)
	case s.Type.Is(openapi3.TypeNumber):
		what = "a number" + numberBounds(s)
	case s.Type.Is(openapi3.TypeString):
		what = "a string" + lengths(s.MinLength, s.MaxLength, "character")
		if s.Pattern != "" {
			what += " matching " + s.Pattern
		}
	case s.Type.Is(openapi3.TypeArray):
		what = "a list" + lengths(s.MinItems, s.MaxItems, "item")
		if s.Items != nil {
			what += ", each " + describe(s.Items.Value)
		}
	case s.Type.Is(openapi3.TypeObject):
		what = "an object"
	default:
		what = "a JSON value"
	}
	if s.Nullable && !slices.Contains(s.Enum, nil) {
		what += ", or null"
	}
	return what
}

func numberBounds(s *openapi3.Schema) string {
	switch {
	case s.Min != nil && s.Max != nil:
		return fmt.Sprintf(" from %v to %v", *s.Min, *s.Max)
	case s.Min != nil:
		return fmt.Sprintf(" of at least %v", *s.Min)
	case s.Max != nil:
		return fmt.Sprintf(" of at most %v", *s.Max)
	}
	return ""
}

func lengths(lowest uint64, highest *uint64, unit string) string {
	switch {
	case highest != nil:
		return fmt.Sprintf(" of %d to %d %ss", lowest, *highest, unit)
	case lowest == 1 && unit == "character":
		return ", not empty"
	case lowest == 1:
		return " of at least one " + unit
	case lowest > 1:
		return fmt.Sprintf(" of at least %d %ss", lowest, unit)
	}
	return ""
}

// joinField writes a path into a body as a dotted path with indexes, such
// as event_filter.events[1].
func joinField(field string, pointer []string) string {
	for _, part := range pointer {
		switch _, err := strconv.Atoi(part); {
		case err == nil:
			field += "[" + part + "]"
		case field == "":
			field = part
		default:
			field += "." + part
		}
	}
	return field
}

// orBody returns the field's name, or "the request body" for the empty
// path.
func orBody(field string) string {
	if field == "" {
		return "the request body"
	}
	return field
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
