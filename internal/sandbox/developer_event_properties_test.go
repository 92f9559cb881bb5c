package sandbox_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestEventPropertiesSeed(t *testing.T) {
	f := start(t)
	r := f.developer("GET", eventPropertiesPath("Purchase"), nil)
	r.wantStatus(t, http.StatusOK)
	want := `{"data":[` +
		`{"id":"currency","object":"event_property","project_id":"424242","event_type":"Purchase","property_name":"currency","description":null,` +
		`"is_hidden":false,"is_in_schema":false,"data_type":"string","is_array_type":false,"enum_values":[],"regex":null,"classifications":[]},` +
		`{"id":"price","object":"event_property","project_id":"424242","event_type":"Purchase","property_name":"price","description":null,` +
		`"is_hidden":false,"is_in_schema":true,"data_type":"number","is_array_type":false,"enum_values":[],"regex":null,"classifications":[]}],` +
		`"pagination":{"next_cursor":null,"has_more":false}}`
	if got := strings.TrimSpace(string(r.body)); got != want {
		t.Errorf("body\n%s\nwant\n%s", got, want)
	}
	if got := f.names(eventPropertiesPath("Sign Up"), "", "property_name"); len(got) != 0 {
		t.Errorf("Sign Up has properties %v", got)
	}
}

func TestEventPropertyCreate(t *testing.T) {
	f := start(t)
	path := eventPropertiesPath("Purchase")
	body := map[string]any{
		"property_name": "payment method", "description": "How the order was paid", "data_type": "enum",
		"is_array_type": false, "enum_values": []any{"card", "paypal"}, "is_hidden": true, "classifications": []any{"INTERNAL"},
	}
	r := f.write("POST", path, body)
	r.wantStatus(t, http.StatusCreated)
	want := map[string]any{
		"id": "payment method", "object": "event_property", "project_id": "424242", "event_type": "Purchase",
		"property_name": "payment method", "description": "How the order was paid", "is_hidden": true, "is_in_schema": true,
		"data_type": "enum", "is_array_type": false, "enum_values": []any{"card", "paypal"}, "regex": nil, "classifications": []any{"INTERNAL"},
	}
	if got := r.data(t); mustJSON(t, got) != mustJSON(t, want) {
		t.Errorf("created\n%v\nwant\n%v", got, want)
	}
	if got := f.developer("GET", path+"/payment%20method", nil).data(t); mustJSON(t, got) != mustJSON(t, want) {
		t.Errorf("read back %v", got)
	}

	t.Run("defaults", func(t *testing.T) {
		got := f.write("POST", path, map[string]any{"property_name": "coupon"}).data(t)
		for field, value := range map[string]any{"description": nil, "data_type": nil, "regex": nil, "is_hidden": false, "is_array_type": false} {
			wantString(t, got, field, value)
		}
		if mustJSON(t, got["enum_values"]) != "[]" || mustJSON(t, got["classifications"]) != "[]" {
			t.Errorf("lists %v %v, want []", got["enum_values"], got["classifications"])
		}
	})

	t.Run("in the plan already: returned unchanged with 200", func(t *testing.T) {
		r := f.write("POST", path, map[string]any{"property_name": "price", "description": "ignored", "data_type": "string"})
		r.wantStatus(t, http.StatusOK)
		got := r.data(t)
		wantString(t, got, "description", nil)
		wantString(t, got, "data_type", "number")
		// The body is still checked.
		f.write("POST", path, map[string]any{"property_name": "price", "data_type": "text"}).wantFieldProblem(t, http.StatusBadRequest, "data_type", "invalid_value", "")
	})

	t.Run("unknown or deleted event", func(t *testing.T) {
		f.write("POST", eventPropertiesPath("Nothing"), map[string]any{"property_name": "x"}).wantProblem(t, http.StatusNotFound, "not_found", `no event "Nothing"`)
		f.developer("GET", eventPropertiesPath("Nothing"), nil).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.developer("GET", eventPropertiesPath("Nothing")+"/price", nil).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.write("PATCH", eventPropertiesPath("Nothing")+"/price", map[string]any{}).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.write("DELETE", eventPropertiesPath("Nothing")+"/price", nil).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.developer("GET", path+"/nothing", nil).wantProblem(t, http.StatusNotFound, "not_found", `event "Purchase" has no property "nothing"`)
	})
}

// An ingested-only property has data but is not in the plan: it cannot be
// changed until a create promotes it, with the create's metadata.
func TestEventPropertyPromotion(t *testing.T) {
	f := start(t)
	path := eventPropertiesPath("Purchase")
	const detail = "currency has data but is not in the tracking plan: POST it to add it to the plan first"
	f.write("PATCH", path+"/currency", map[string]any{"description": "ISO 4217"}).wantProblem(t, http.StatusUnprocessableEntity, "not_in_schema", detail)
	f.write("DELETE", path+"/currency", nil).wantProblem(t, http.StatusUnprocessableEntity, "not_in_schema", detail)
	wantString(t, f.developer("GET", path+"/currency", nil).data(t), "is_in_schema", false)

	r := f.write("POST", path, map[string]any{"property_name": "currency", "description": "ISO 4217", "data_type": "enum", "enum_values": []any{"EUR", "USD"}})
	r.wantStatus(t, http.StatusCreated)
	got := r.data(t)
	wantString(t, got, "is_in_schema", true)
	wantString(t, got, "description", "ISO 4217")
	wantString(t, got, "data_type", "enum")
	if n := f.server.Stats().Objects.EventProperties; n != 2 {
		t.Errorf("%d event properties after the promotion, want 2", n)
	}
	f.write("PATCH", path+"/currency", map[string]any{"description": "Currency"}).wantStatus(t, http.StatusOK)

	t.Run("promotion takes the body's metadata alone", func(t *testing.T) {
		f := start(t)
		got := f.write("POST", path, map[string]any{"property_name": "currency"}).data(t)
		wantString(t, got, "data_type", nil)
		wantString(t, got, "is_in_schema", true)
	})
}

func TestEventPropertyPatch(t *testing.T) {
	f := start(t)
	path := eventPropertiesPath("Purchase")
	f.write("POST", path, map[string]any{
		"property_name": "sku", "description": "Stock keeping unit", "data_type": "string", "regex": "^[A-Z]{3}-[0-9]+$",
		"classifications": []any{"INTERNAL", "PII"},
	}).wantStatus(t, http.StatusCreated)
	patch := func(body map[string]any) map[string]any {
		t.Helper()
		r := f.write("PATCH", path+"/sku", body)
		r.wantStatus(t, http.StatusOK)
		got := r.data(t)
		if read := f.developer("GET", path+"/sku", nil).data(t); mustJSON(t, read) != mustJSON(t, got) {
			t.Errorf("read %v after PATCH answered %v", read, got)
		}
		return got
	}

	got := patch(map[string]any{"is_hidden": true})
	wantString(t, got, "description", "Stock keeping unit")
	wantString(t, got, "regex", "^[A-Z]{3}-[0-9]+$")
	if mustJSON(t, got["classifications"]) != `["INTERNAL","PII"]` {
		t.Errorf("classifications %v changed by a PATCH that did not send them", got["classifications"])
	}
	got = patch(map[string]any{"classifications": []any{"SENSITIVE"}, "is_array_type": true})
	if mustJSON(t, got["classifications"]) != `["SENSITIVE"]` || got["is_array_type"] != true {
		t.Errorf("arrays replace: %v", got)
	}
	got = patch(map[string]any{"description": nil, "regex": nil, "classifications": nil})
	if got["description"] != nil || got["regex"] != nil || mustJSON(t, got["classifications"]) != "[]" {
		t.Errorf("null clears: %v", got)
	}
	got = patch(map[string]any{"data_type": "enum", "enum_values": []any{"A", "B"}})
	wantString(t, got, "data_type", "enum")
	got = patch(map[string]any{"enum_values": []any{"C"}})
	if mustJSON(t, got["enum_values"]) != `["C"]` {
		t.Errorf("enum_values %v", got["enum_values"])
	}
	got = patch(map[string]any{"data_type": nil, "enum_values": nil})
	if got["data_type"] != nil || mustJSON(t, got["enum_values"]) != "[]" {
		t.Errorf("null data_type and enum_values: %v", got)
	}

	t.Run("rules hold on what the PATCH would leave", func(t *testing.T) {
		patch(map[string]any{"data_type": "enum", "enum_values": []any{"A"}})
		f.write("PATCH", path+"/sku", map[string]any{"data_type": "string"}).
			wantFieldProblem(t, http.StatusBadRequest, "enum_values", "not_allowed", "the property's data_type would be string")
		f.write("PATCH", path+"/sku", map[string]any{"enum_values": []any{}}).
			wantFieldProblem(t, http.StatusBadRequest, "enum_values", "required", "data_type enum needs enum_values")
		f.write("PATCH", path+"/sku", map[string]any{"regex": "^a$"}).
			wantFieldProblem(t, http.StatusBadRequest, "regex", "not_allowed", "")
		f.write("PATCH", path+"/sku", map[string]any{"property_name": "SKU"}).
			wantFieldProblem(t, http.StatusBadRequest, "property_name", "unknown_field", "")
		got := patch(map[string]any{"data_type": "string", "enum_values": []any{}, "regex": "^a$"})
		wantString(t, got, "regex", "^a$")
	})
}

func TestEventPropertyDeleteAndRestore(t *testing.T) {
	f := start(t)
	path := eventPropertiesPath("Purchase")
	f.write("DELETE", path+"/price?dry_run=true", nil).wantStatus(t, http.StatusNoContent)
	f.developer("GET", path+"/price", nil).wantStatus(t, http.StatusOK)

	f.write("DELETE", path+"/price", nil).wantStatus(t, http.StatusNoContent)
	f.developer("GET", path+"/price", nil).wantProblem(t, http.StatusNotFound, "not_found", "")
	f.write("DELETE", path+"/price", nil).wantProblem(t, http.StatusNotFound, "not_found", "")
	f.write("PATCH", path+"/price", map[string]any{}).wantProblem(t, http.StatusNotFound, "not_found", "")
	if got := f.names(path, "", "property_name"); !slices.Equal(got, []string{"currency"}) {
		t.Errorf("properties %v", got)
	}
	if n := f.server.Stats().Objects.EventProperties; n != 1 {
		t.Errorf("%d event properties", n)
	}

	r := f.write("POST", path, map[string]any{"property_name": "price", "description": "Total in cents", "data_type": "number"})
	r.wantStatus(t, http.StatusCreated)
	wantString(t, r.data(t), "description", "Total in cents")
	wantString(t, r.data(t), "is_in_schema", true)

	t.Run("deleting an event deletes its properties", func(t *testing.T) {
		f.write("DELETE", eventPath("Purchase"), nil).wantStatus(t, http.StatusNoContent)
		if n := f.server.Stats().Objects.EventProperties; n != 0 {
			t.Errorf("%d event properties after their event's delete", n)
		}
		f.write("POST", eventsPath, map[string]any{"event_type": "Purchase"}).wantStatus(t, http.StatusCreated)
		if got := f.names(path, "", "property_name"); len(got) != 0 {
			t.Errorf("a restored event came back with properties %v", got)
		}
		f.write("POST", path, map[string]any{"property_name": "price"}).wantStatus(t, http.StatusCreated)
	})
}

func TestEventPropertyListPaging(t *testing.T) {
	f := start(t)
	path := eventPropertiesPath("Sign Up")
	want := []string{"a1", "a2", "b1", "b2", "b3"}
	for _, name := range slices.Backward(want) {
		f.write("POST", path, map[string]any{"property_name": name}).wantStatus(t, http.StatusCreated)
	}
	// Another event's properties are not this one's.
	f.write("POST", eventPropertiesPath("Add to Cart"), map[string]any{"property_name": "a0"}).wantStatus(t, http.StatusCreated)
	if got := f.names(path, "?limit=2", "property_name"); !slices.Equal(got, want) {
		t.Errorf("pages %v, want %v", got, want)
	}
	if got := f.names(path, "?limit=1&q=B", "property_name"); !slices.Equal(got, want[2:]) {
		t.Errorf("q=B %v", got)
	}
	f.write("DELETE", path+"/a2", nil).wantStatus(t, http.StatusNoContent)
	if got := f.names(path, "?limit=2", "property_name"); !slices.Equal(got, []string{"a1", "b1", "b2", "b3"}) {
		t.Errorf("after a delete %v", got)
	}
}
