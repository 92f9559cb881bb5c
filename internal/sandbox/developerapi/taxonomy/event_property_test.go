package taxonomy_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestEventPropertiesSeed(t *testing.T) {
	f := start(t)
	r := f.Developer("GET", sandboxtest.EventPropertiesPath("Purchase"), nil)
	r.WantStatus(t, http.StatusOK)
	want := `{"data":[` +
		`{"id":"currency","object":"event_property","project_id":"424242","event_type":"Purchase","property_name":"currency","description":null,` +
		`"is_hidden":false,"is_in_schema":false,"data_type":"string","is_array_type":false,"enum_values":[],"regex":null,"classifications":[]},` +
		`{"id":"price","object":"event_property","project_id":"424242","event_type":"Purchase","property_name":"price","description":null,` +
		`"is_hidden":false,"is_in_schema":true,"data_type":"number","is_array_type":false,"enum_values":[],"regex":null,"classifications":[]}],` +
		`"pagination":{"next_cursor":null,"has_more":false}}`
	sandboxtest.WantJSON(t, r.Body, want)
	if got := f.names(sandboxtest.EventPropertiesPath("Sign Up"), "", "property_name"); len(got) != 0 {
		t.Errorf("Sign Up has properties %v", got)
	}
}

func TestEventPropertyCreate(t *testing.T) {
	f := start(t)
	path := sandboxtest.EventPropertiesPath("Purchase")
	body := map[string]any{
		"property_name": "payment method", "description": "How the order was paid", "data_type": "enum",
		"is_array_type": false, "enum_values": []any{"card", "paypal"}, "is_hidden": true, "classifications": []any{"INTERNAL"},
	}
	r := f.Write("POST", path, body)
	r.WantStatus(t, http.StatusCreated)
	want := map[string]any{
		"id": "payment method", "object": "event_property", "project_id": "424242", "event_type": "Purchase",
		"property_name": "payment method", "description": "How the order was paid", "is_hidden": true, "is_in_schema": true,
		"data_type": "enum", "is_array_type": false, "enum_values": []any{"card", "paypal"}, "regex": nil, "classifications": []any{"INTERNAL"},
	}
	if got := r.Data(t); sandboxtest.MustJSON(t, got) != sandboxtest.MustJSON(t, want) {
		t.Errorf("created\n%v\nwant\n%v", got, want)
	}
	if got := f.Developer("GET", path+"/payment%20method", nil).Data(t); sandboxtest.MustJSON(t, got) != sandboxtest.MustJSON(t, want) {
		t.Errorf("read back %v", got)
	}

	t.Run("defaults", func(t *testing.T) {
		got := f.Write("POST", path, map[string]any{"property_name": "coupon"}).Data(t)
		for field, value := range map[string]any{"description": nil, "data_type": nil, "regex": nil, "is_hidden": false, "is_array_type": false} {
			sandboxtest.WantString(t, got, field, value)
		}
		if sandboxtest.MustJSON(t, got["enum_values"]) != "[]" || sandboxtest.MustJSON(t, got["classifications"]) != "[]" {
			t.Errorf("lists %v %v, want []", got["enum_values"], got["classifications"])
		}
	})

	t.Run("in the plan already: returned unchanged, with the 201 of a create", func(t *testing.T) {
		r := f.Write("POST", path, map[string]any{"property_name": "price", "description": "ignored", "data_type": "string"})
		r.WantStatus(t, http.StatusCreated)
		got := r.Data(t)
		sandboxtest.WantString(t, got, "description", nil)
		sandboxtest.WantString(t, got, "data_type", "number")
		// The body is still checked.
		f.Write("POST", path, map[string]any{"property_name": "price", "data_type": "text"}).WantFieldProblem(t, http.StatusBadRequest, "data_type", "invalid_value", "")
	})

	t.Run("unknown or deleted event", func(t *testing.T) {
		f.Write("POST", sandboxtest.EventPropertiesPath("Nothing"), map[string]any{"property_name": "x"}).WantProblem(t, http.StatusNotFound, "not_found", `no event "Nothing"`)
		f.Developer("GET", sandboxtest.EventPropertiesPath("Nothing"), nil).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Developer("GET", sandboxtest.EventPropertiesPath("Nothing")+"/price", nil).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Write("PATCH", sandboxtest.EventPropertiesPath("Nothing")+"/price", map[string]any{}).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Write("DELETE", sandboxtest.EventPropertiesPath("Nothing")+"/price", nil).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Developer("GET", path+"/nothing", nil).WantProblem(t, http.StatusNotFound, "not_found", `event "Purchase" has no property "nothing"`)
	})
}

// An ingested-only property has data but is not in the plan: it cannot be
// changed until a create promotes it, with the create's metadata.
func TestEventPropertyPromotion(t *testing.T) {
	f := start(t)
	path := sandboxtest.EventPropertiesPath("Purchase")
	const detail = "currency has data but is not in the tracking plan: POST it to add it to the plan first"
	f.Write("PATCH", path+"/currency", map[string]any{"description": "ISO 4217"}).WantProblem(t, http.StatusUnprocessableEntity, "not_in_schema", detail)
	f.Write("DELETE", path+"/currency", nil).WantProblem(t, http.StatusUnprocessableEntity, "not_in_schema", detail)
	sandboxtest.WantString(t, f.Developer("GET", path+"/currency", nil).Data(t), "is_in_schema", false)

	r := f.Write("POST", path, map[string]any{"property_name": "currency", "description": "ISO 4217", "data_type": "enum", "enum_values": []any{"EUR", "USD"}})
	r.WantStatus(t, http.StatusCreated)
	got := r.Data(t)
	sandboxtest.WantString(t, got, "is_in_schema", true)
	sandboxtest.WantString(t, got, "description", "ISO 4217")
	sandboxtest.WantString(t, got, "data_type", "enum")
	if n := f.Sandbox.Stats().Objects["event_properties"]; n != 2 {
		t.Errorf("%d event properties after the promotion, want 2", n)
	}
	f.Write("PATCH", path+"/currency", map[string]any{"description": "Currency"}).WantStatus(t, http.StatusOK)

	t.Run("promotion takes the body's metadata alone", func(t *testing.T) {
		f := start(t)
		got := f.Write("POST", path, map[string]any{"property_name": "currency"}).Data(t)
		sandboxtest.WantString(t, got, "data_type", nil)
		sandboxtest.WantString(t, got, "is_in_schema", true)
	})
}

func TestEventPropertyPatch(t *testing.T) {
	f := start(t)
	path := sandboxtest.EventPropertiesPath("Purchase")
	f.Write("POST", path, map[string]any{
		"property_name": "sku", "description": "Stock keeping unit", "data_type": "string", "regex": "^[A-Z]{3}-[0-9]+$",
		"classifications": []any{"INTERNAL", "PII"},
	}).WantStatus(t, http.StatusCreated)
	patch := func(body map[string]any) map[string]any {
		t.Helper()
		r := f.Write("PATCH", path+"/sku", body)
		r.WantStatus(t, http.StatusOK)
		got := r.Data(t)
		if read := f.Developer("GET", path+"/sku", nil).Data(t); sandboxtest.MustJSON(t, read) != sandboxtest.MustJSON(t, got) {
			t.Errorf("read %v after PATCH answered %v", read, got)
		}
		return got
	}

	got := patch(map[string]any{"is_hidden": true})
	sandboxtest.WantString(t, got, "description", "Stock keeping unit")
	sandboxtest.WantString(t, got, "regex", "^[A-Z]{3}-[0-9]+$")
	if sandboxtest.MustJSON(t, got["classifications"]) != `["INTERNAL","PII"]` {
		t.Errorf("classifications %v changed by a PATCH that did not send them", got["classifications"])
	}
	got = patch(map[string]any{"classifications": []any{"SENSITIVE"}, "is_array_type": true})
	if sandboxtest.MustJSON(t, got["classifications"]) != `["SENSITIVE"]` || got["is_array_type"] != true {
		t.Errorf("arrays replace: %v", got)
	}
	got = patch(map[string]any{"description": nil, "regex": nil, "classifications": []any{}})
	if got["description"] != nil || got["regex"] != nil || sandboxtest.MustJSON(t, got["classifications"]) != "[]" {
		t.Errorf("null clears: %v", got)
	}
	got = patch(map[string]any{"data_type": "enum", "enum_values": []any{"A", "B"}})
	sandboxtest.WantString(t, got, "data_type", "enum")
	got = patch(map[string]any{"enum_values": []any{"C"}})
	if sandboxtest.MustJSON(t, got["enum_values"]) != `["C"]` {
		t.Errorf("enum_values %v", got["enum_values"])
	}
	got = patch(map[string]any{"data_type": nil, "enum_values": []any{}})
	if got["data_type"] != nil || sandboxtest.MustJSON(t, got["enum_values"]) != "[]" {
		t.Errorf("null data_type and no enum_values: %v", got)
	}

	t.Run("rules hold on what the PATCH would leave", func(t *testing.T) {
		patch(map[string]any{"data_type": "enum", "enum_values": []any{"A"}})
		f.Write("PATCH", path+"/sku", map[string]any{"data_type": "string"}).
			WantFieldProblem(t, http.StatusBadRequest, "enum_values", "not_allowed", "the property's data_type would be string")
		f.Write("PATCH", path+"/sku", map[string]any{"enum_values": []any{}}).
			WantFieldProblem(t, http.StatusBadRequest, "enum_values", "required", "data_type enum needs enum_values")
		f.Write("PATCH", path+"/sku", map[string]any{"regex": "^a$"}).
			WantFieldProblem(t, http.StatusBadRequest, "regex", "not_allowed", "")
		f.Write("PATCH", path+"/sku", map[string]any{"property_name": "SKU"}).
			WantFieldProblem(t, http.StatusBadRequest, "property_name", "unknown_field", "")
		got := patch(map[string]any{"data_type": "string", "enum_values": []any{}, "regex": "^a$"})
		sandboxtest.WantString(t, got, "regex", "^a$")
	})
}

func TestEventPropertyDeleteAndRestore(t *testing.T) {
	f := start(t)
	path := sandboxtest.EventPropertiesPath("Purchase")
	f.Write("DELETE", path+"/price?dry_run=true", nil).WantStatus(t, http.StatusNoContent)
	f.Developer("GET", path+"/price", nil).WantStatus(t, http.StatusOK)

	f.Write("DELETE", path+"/price", nil).WantStatus(t, http.StatusNoContent)
	f.Developer("GET", path+"/price", nil).WantProblem(t, http.StatusNotFound, "not_found", "")
	f.Write("DELETE", path+"/price", nil).WantProblem(t, http.StatusNotFound, "not_found", "")
	f.Write("PATCH", path+"/price", map[string]any{}).WantProblem(t, http.StatusNotFound, "not_found", "")
	if got := f.names(path, "", "property_name"); !slices.Equal(got, []string{"currency"}) {
		t.Errorf("properties %v", got)
	}
	if n := f.Sandbox.Stats().Objects["event_properties"]; n != 1 {
		t.Errorf("%d event properties", n)
	}

	r := f.Write("POST", path, map[string]any{"property_name": "price", "description": "Total in cents", "data_type": "number"})
	r.WantStatus(t, http.StatusCreated)
	sandboxtest.WantString(t, r.Data(t), "description", "Total in cents")
	sandboxtest.WantString(t, r.Data(t), "is_in_schema", true)

	t.Run("deleting an event deletes its properties", func(t *testing.T) {
		f.Write("DELETE", sandboxtest.EventPath("Purchase"), nil).WantStatus(t, http.StatusNoContent)
		if n := f.Sandbox.Stats().Objects["event_properties"]; n != 0 {
			t.Errorf("%d event properties after their event's delete", n)
		}
		f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": "Purchase"}).WantStatus(t, http.StatusCreated)
		if got := f.names(path, "", "property_name"); len(got) != 0 {
			t.Errorf("a restored event came back with properties %v", got)
		}
		f.Write("POST", path, map[string]any{"property_name": "price"}).WantStatus(t, http.StatusCreated)
	})
}

func TestEventPropertyListPaging(t *testing.T) {
	f := start(t)
	path := sandboxtest.EventPropertiesPath("Sign Up")
	want := []string{"a1", "a2", "b1", "b2", "b3"}
	for _, name := range slices.Backward(want) {
		f.Write("POST", path, map[string]any{"property_name": name}).WantStatus(t, http.StatusCreated)
	}
	// Another event's properties are not this one's.
	f.Write("POST", sandboxtest.EventPropertiesPath("Add to Cart"), map[string]any{"property_name": "a0"}).WantStatus(t, http.StatusCreated)
	if got := f.names(path, "?limit=2", "property_name"); !slices.Equal(got, want) {
		t.Errorf("pages %v, want %v", got, want)
	}
	if got := f.names(path, "?limit=1&q=B", "property_name"); !slices.Equal(got, want[2:]) {
		t.Errorf("q=B %v", got)
	}
	f.Write("DELETE", path+"/a2", nil).WantStatus(t, http.StatusNoContent)
	if got := f.names(path, "?limit=2", "property_name"); !slices.Equal(got, []string{"a1", "b1", "b2", "b3"}) {
		t.Errorf("after a delete %v", got)
	}
}
