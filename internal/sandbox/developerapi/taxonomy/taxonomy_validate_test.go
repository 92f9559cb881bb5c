package taxonomy_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

// Every rule of a taxonomy body is a 400 validation_error located at the
// body member, and refuses without changing anything.
func TestTaxonomyValidation(t *testing.T) {
	props := sandboxtest.EventPropertiesPath("Purchase")
	long := strings.Repeat("x", 1001)
	tests := []struct {
		name         string
		method, path string
		body         any
		field, code  string
		message      string
	}{
		{"event_type missing", "POST", sandboxtest.EventsPath, map[string]any{"description": "d"}, "event_type", "required", "event_type is required"},
		{"event_type null", "POST", sandboxtest.EventsPath, map[string]any{"event_type": nil}, "event_type", "invalid_type", "event_type must be an event type of at most 1,024 characters"},
		{"event_type a number", "POST", sandboxtest.EventsPath, map[string]any{"event_type": 7}, "event_type", "invalid_type", ""},
		{"event_type blank", "POST", sandboxtest.EventsPath, map[string]any{"event_type": "  "}, "event_type", "invalid_value", "not blank"},
		{"event_type padded", "POST", sandboxtest.EventsPath, map[string]any{"event_type": " Purchase"}, "event_type", "invalid_value", "without white space at either end"},
		{"event_type too long", "POST", sandboxtest.EventsPath, map[string]any{"event_type": strings.Repeat("é", 1025)}, "event_type", "too_long", "event_type is too long: it must be an event type of at most 1,024 characters"},
		{"event display_name", "POST", sandboxtest.EventsPath, map[string]any{"event_type": "X", "display_name": "X"}, "display_name", "unknown_field", "its fields are description, event_type"},
		{"event is_active on create", "POST", sandboxtest.EventsPath, map[string]any{"event_type": "X", "is_active": true}, "is_active", "unknown_field", ""},
		{"description blank", "POST", sandboxtest.EventsPath, map[string]any{"event_type": "X", "description": ""}, "description", "invalid_value", "not blank"},
		{"description padded", "PATCH", sandboxtest.EventPath("Purchase"), map[string]any{"description": "x\n"}, "description", "invalid_value", "without white space at either end"},
		{"description too long", "PATCH", sandboxtest.EventPath("Purchase"), map[string]any{"description": long}, "description", "too_long", "at most 1,000 characters"},
		{"description a list", "PATCH", sandboxtest.EventPath("Purchase"), map[string]any{"description": []any{"x"}}, "description", "invalid_type", ""},
		{"is_active a string", "PATCH", sandboxtest.EventPath("Purchase"), map[string]any{"is_active": "true"}, "is_active", "invalid_type", ""},
		{"property_name missing", "POST", props, map[string]any{}, "property_name", "required", ""},
		{"property_name empty", "POST", props, map[string]any{"property_name": ""}, "property_name", "invalid_value", "not blank"},
		{"property_name padded", "POST", props, map[string]any{"property_name": "sku "}, "property_name", "invalid_value", "without white space at either end"},
		{"data_type unknown", "POST", props, map[string]any{"property_name": "p", "data_type": "integer"}, "data_type", "invalid_value", `it must be one of "string", "number", "boolean", "object", "enum", "any", null`},
		{"data_type upper case", "POST", props, map[string]any{"property_name": "p", "data_type": "String"}, "data_type", "invalid_value", ""},
		{"enum_values without enum", "POST", props, map[string]any{"property_name": "p", "data_type": "string", "enum_values": []any{"a"}}, "enum_values", "not_allowed", "apply only to data_type enum"},
		{"enum_values untyped", "POST", props, map[string]any{"property_name": "p", "enum_values": []any{"a"}}, "enum_values", "not_allowed", "null (untyped)"},
		{"enum without values", "POST", props, map[string]any{"property_name": "p", "data_type": "enum"}, "enum_values", "required", "at least one value"},
		{"enum with no values", "POST", props, map[string]any{"property_name": "p", "data_type": "enum", "enum_values": []any{}}, "enum_values", "required", ""},
		{"enum value blank", "POST", props, map[string]any{"property_name": "p", "data_type": "enum", "enum_values": []any{"a", ""}}, "enum_values[1]", "invalid_value", "not blank"},
		{"enum value padded", "POST", props, map[string]any{"property_name": "p", "data_type": "enum", "enum_values": []any{" a"}}, "enum_values[0]", "invalid_value", "without white space at either end"},
		{"enum value repeated", "POST", props, map[string]any{"property_name": "p", "data_type": "enum", "enum_values": []any{"a", "a"}}, "enum_values", "duplicate", "enum_values lists a value twice"},
		{"enum value a number", "POST", props, map[string]any{"property_name": "p", "data_type": "enum", "enum_values": []any{1}}, "enum_values[0]", "invalid_type", ""},
		{"enum_values a string", "POST", props, map[string]any{"property_name": "p", "data_type": "enum", "enum_values": "a,b"}, "enum_values", "invalid_type", ""},
		{"regex without string", "POST", props, map[string]any{"property_name": "p", "data_type": "number", "regex": "^1$"}, "regex", "not_allowed", "applies only to data_type string"},
		{"regex does not compile", "POST", props, map[string]any{"property_name": "p", "data_type": "string", "regex": "a("}, "regex", "invalid_value", "does not compile"},
		{"regex blank", "POST", props, map[string]any{"property_name": "p", "data_type": "string", "regex": ""}, "regex", "invalid_value", "not blank"},
		{"classification unknown", "POST", props, map[string]any{"property_name": "p", "classifications": []any{"SECRET"}}, "classifications[0]", "invalid_value", `it must be one of "PII", "SENSITIVE", "INTERNAL", "REVENUE"`},
		{"classification lower case", "PATCH", props + "/price", map[string]any{"classifications": []any{"pii"}}, "classifications[0]", "invalid_value", ""},
		{"classification repeated", "PATCH", props + "/price", map[string]any{"classifications": []any{"PII", "PII"}}, "classifications", "duplicate", ""},
		{"is_hidden null", "PATCH", props + "/price", map[string]any{"is_hidden": nil}, "is_hidden", "invalid_type", ""},
		{"is_array_type a string", "POST", props, map[string]any{"property_name": "p", "is_array_type": "yes"}, "is_array_type", "invalid_type", ""},
		{"unknown member", "POST", props, map[string]any{"property_name": "p", "type": "string"}, "type", "unknown_field", "type is not a field of the request body"},
		{"event_type on a property", "PATCH", props + "/price", map[string]any{"event_type": "Sign Up"}, "event_type", "unknown_field", ""},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.Write(tt.method, tt.path, tt.body).WantFieldProblem(t, http.StatusBadRequest, tt.field, tt.code, tt.message)
		})
	}
	if objects := f.Sandbox.Stats().Objects; objects["events"] != 3 || objects["event_properties"] != 2 {
		t.Errorf("objects %+v after refused writes", objects)
	}
	// The seed is unchanged too.
	sandboxtest.WantString(t, f.Developer("GET", sandboxtest.EventPath("Purchase"), nil).Data(t), "description", nil)
	sandboxtest.WantString(t, f.Developer("GET", props+"/price", nil).Data(t), "is_hidden", false)
}

// A body with several problems names them all, each at its member.
func TestTaxonomyValidationCollectsEveryProblem(t *testing.T) {
	f := start(t)
	r := f.Write("POST", sandboxtest.EventPropertiesPath("Purchase"), map[string]any{
		"property_name": " p", "data_type": "text", "classifications": []any{"X"}, "color": "red",
	})
	p := r.WantProblem(t, http.StatusBadRequest, "validation_error", "")
	var fields []string
	for _, v := range p.ValidationErrors {
		fields = append(fields, v.Field)
	}
	if got := strings.Join(fields, " "); got != "classifications[0] color data_type property_name" {
		t.Errorf("fields %s", got)
	}
}

func TestTaxonomyBodyErrors(t *testing.T) {
	f := start(t)
	for _, body := range []string{"", "{", "[]", "null", "{} {}"} {
		f.Write("POST", sandboxtest.EventsPath, body).WantProblem(t, http.StatusBadRequest, "validation_error", "request body")
		f.Write("PATCH", sandboxtest.EventPropertiesPath("Purchase")+"/price", body).WantProblem(t, http.StatusBadRequest, "validation_error", "request body")
	}
}
