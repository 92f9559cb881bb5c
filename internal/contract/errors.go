package contract

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// describe flattens a kin-openapi error into one line per mismatch, each
// naming where it is: the parameter, the header or the body field.
//
// It walks the tree of kin-openapi's concrete error types rather than with
// errors.As: openapi3.MultiError's As stops at the first member that
// matches, which would drop every other mismatch.
func describe(err error) []string {
	var lines []string
	var walk func(where string, err error)
	walk = func(where string, err error) {
		switch e := err.(type) { //nolint:errorlint // see above
		case openapi3.MultiError:
			for _, inner := range e {
				walk(where, inner)
			}
		case *openapi3filter.RequestError:
			switch {
			case e.Parameter != nil:
				where = fmt.Sprintf("%s parameter %q", e.Parameter.In, e.Parameter.Name)
			case e.RequestBody != nil:
				where = "body"
			}
			if isSchemaError(e.Err) {
				walk(where, e.Err)
				return
			}
			lines = append(lines, joinWhere(where, reasonOf(e.Reason, e.Err)))
		case *openapi3filter.ResponseError:
			where = strings.TrimPrefix(e.Reason, "response ")
			if isSchemaError(e.Err) {
				walk(where, e.Err)
				return
			}
			lines = append(lines, joinWhere("", reasonOf(strings.TrimPrefix(e.Reason, "response "), e.Err)))
		case *openapi3filter.SecurityRequirementsError:
			reasons := make([]string, len(e.Errors))
			for i, inner := range e.Errors {
				reasons[i] = inner.Error()
			}
			lines = append(lines, joinWhere("credentials", strings.Join(reasons, "; ")))
		case *openapi3.SchemaError:
			reason := e.Reason
			if reason == "" {
				reason = fmt.Sprintf("does not match the schema's %q", e.SchemaField)
			}
			if field := fieldOf(e.JSONPointer()); field != "" {
				where = strings.TrimSpace(where + " field " + field)
			}
			lines = append(lines, joinWhere(where, reason))
		default:
			lines = append(lines, joinWhere(where, err.Error()))
		}
	}
	walk("", err)
	return lines
}

func isSchemaError(err error) bool {
	switch err.(type) { //nolint:errorlint // as in describe
	case *openapi3.SchemaError, openapi3.MultiError:
		return true
	}
	return false
}

func reasonOf(reason string, err error) string {
	switch {
	case err == nil:
		return reason
	case reason == "":
		return err.Error()
	}
	return reason + ": " + err.Error()
}

func joinWhere(where, reason string) string {
	if where == "" {
		return reason
	}
	return where + ": " + reason
}

// fieldOf writes a JSON pointer into a body as a dotted path with indexes,
// e.g. data[0].display_name.
func fieldOf(pointer []string) string {
	var b strings.Builder
	for _, part := range pointer {
		if _, err := strconv.Atoi(part); err == nil {
			b.WriteString("[" + part + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String()
}

// decodeJSON decodes a body into the generic values (maps, slices, strings,
// numbers) that kin-openapi's schema validation takes.
func decodeJSON(body []byte) (any, error) {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, errors.New("not JSON: " + err.Error())
	}
	return v, nil
}
