package taxonomy_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestUserPropertiesSeed(t *testing.T) {
	f := start(t)
	if got := f.names(sandboxtest.UserPropertiesPath, "", "property_name"); !slices.Equal(got, []string{"country", "ltv", "plan", "referral_source"}) {
		t.Errorf("user properties %v", got)
	}
	want := map[string]string{
		"country": `{"data":{"id":"country","object":"user_property","project_id":"424242","property_name":"country","display_name":null,"description":null,` +
			`"is_official":true,"is_hidden":false,"is_in_schema":true,"data_type":"string","is_array_type":false,"enum_values":[],"regex":null,"classifications":[]}}`,
		"ltv": `{"data":{"id":"ltv","object":"user_property","project_id":"424242","property_name":"ltv","display_name":null,"description":"Lifetime value in USD",` +
			`"is_official":false,"is_hidden":false,"is_in_schema":true,"data_type":"number","is_array_type":false,"enum_values":[],"regex":null,"classifications":["REVENUE"]}}`,
		"plan": `{"data":{"id":"plan","object":"user_property","project_id":"424242","property_name":"plan","display_name":null,"description":"Subscription plan",` +
			`"is_official":false,"is_hidden":false,"is_in_schema":true,"data_type":"string","is_array_type":false,"enum_values":[],"regex":null,"classifications":[]}}`,
		"referral_source": `{"data":{"id":"referral_source","object":"user_property","project_id":"424242","property_name":"referral_source","display_name":null,"description":null,` +
			`"is_official":false,"is_hidden":false,"is_in_schema":false,"data_type":"string","is_array_type":false,"enum_values":[],"regex":null,"classifications":[]}}`,
	}
	for name, body := range want {
		r := f.Developer("GET", sandboxtest.UserPropertiesPath+"/"+name, nil)
		r.WantStatus(t, http.StatusOK)
		sandboxtest.WantJSON(t, r.Body, body)
	}
	// No gp: prefix any more.
	f.Developer("GET", sandboxtest.UserPropertiesPath+"/gp:plan", nil).WantProblem(t, http.StatusNotFound, "not_found", `no user property "gp:plan" in project 424242`)
}

func TestUserPropertyLifecycle(t *testing.T) {
	f := start(t)
	body := map[string]any{
		"property_name": "Favourite Colour", "display_name": "Favourite colour", "description": "Chosen at sign-up",
		"data_type": "enum", "is_array_type": true, "enum_values": []any{"red", "yellow", "blue"}, "is_hidden": false,
		"classifications": []any{"PII", "SENSITIVE"},
	}
	r := f.Write("POST", sandboxtest.UserPropertiesPath, body)
	r.WantStatus(t, http.StatusCreated)
	want := map[string]any{
		"id": "Favourite Colour", "object": "user_property", "project_id": "424242", "property_name": "Favourite Colour",
		"display_name": "Favourite colour", "description": "Chosen at sign-up", "is_official": false, "is_hidden": false,
		"is_in_schema": true, "data_type": "enum", "is_array_type": true, "enum_values": []any{"red", "yellow", "blue"},
		"regex": nil, "classifications": []any{"PII", "SENSITIVE"},
	}
	if got := r.Data(t); sandboxtest.MustJSON(t, got) != sandboxtest.MustJSON(t, want) {
		t.Errorf("created\n%v\nwant\n%v", got, want)
	}
	path := sandboxtest.UserPropertiesPath + "/Favourite%20Colour"
	if got := f.Developer("GET", path, nil).Data(t); sandboxtest.MustJSON(t, got) != sandboxtest.MustJSON(t, want) {
		t.Errorf("read back %v", got)
	}

	t.Run("PATCH changes what it sends", func(t *testing.T) {
		got := f.Write("PATCH", path, map[string]any{"is_hidden": true, "classifications": []any{"INTERNAL"}}).Data(t)
		sandboxtest.WantString(t, got, "is_hidden", true)
		sandboxtest.WantString(t, got, "description", "Chosen at sign-up")
		sandboxtest.WantString(t, got, "display_name", "Favourite colour")
		if sandboxtest.MustJSON(t, got["classifications"]) != `["INTERNAL"]` {
			t.Errorf("classifications %v", got["classifications"])
		}
		got = f.Write("PATCH", path, map[string]any{"display_name": nil, "description": nil, "classifications": []any{}}).Data(t)
		if got["display_name"] != nil || got["description"] != nil || sandboxtest.MustJSON(t, got["classifications"]) != "[]" {
			t.Errorf("null and [] clear: %v", got)
		}
		if read := f.Developer("GET", path, nil).Data(t); sandboxtest.MustJSON(t, read) != sandboxtest.MustJSON(t, got) {
			t.Errorf("read %v after PATCH answered %v", read, got)
		}
	})

	t.Run("type and shape are fixed at create", func(t *testing.T) {
		for field, value := range map[string]any{"data_type": "string", "is_array_type": false, "enum_values": []any{"red"}, "regex": nil} {
			f.Write("PATCH", path, map[string]any{field: value}).
				WantFieldProblem(t, http.StatusBadRequest, field, "unknown_field", "its fields are classifications, description, display_name, is_hidden")
		}
		f.Write("PATCH", path, map[string]any{"property_name": "colour"}).WantFieldProblem(t, http.StatusBadRequest, "property_name", "unknown_field", "")
		f.Write("PATCH", path, map[string]any{"is_official": true}).WantFieldProblem(t, http.StatusBadRequest, "is_official", "unknown_field", "")
		f.Write("POST", sandboxtest.UserPropertiesPath, map[string]any{"property_name": "x", "is_in_schema": false}).
			WantFieldProblem(t, http.StatusBadRequest, "is_in_schema", "unknown_field", "")
	})

	t.Run("in the plan already: returned unchanged, with the 201 of a create", func(t *testing.T) {
		r := f.Write("POST", sandboxtest.UserPropertiesPath, map[string]any{"property_name": "plan", "description": "ignored", "display_name": "Plan"})
		r.WantStatus(t, http.StatusCreated)
		sandboxtest.WantString(t, r.Data(t), "description", "Subscription plan")
		sandboxtest.WantString(t, r.Data(t), "display_name", nil)
	})

	t.Run("soft delete and restore", func(t *testing.T) {
		f.Write("DELETE", path+"?dry_run=true", nil).WantStatus(t, http.StatusNoContent)
		f.Developer("GET", path, nil).WantStatus(t, http.StatusOK)
		f.Write("DELETE", path, nil).WantStatus(t, http.StatusNoContent)
		f.Developer("GET", path, nil).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Write("PATCH", path, map[string]any{}).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Write("DELETE", path, nil).WantProblem(t, http.StatusNotFound, "not_found", "")
		if slices.Contains(f.names(sandboxtest.UserPropertiesPath, "", "property_name"), "Favourite Colour") {
			t.Error("a deleted property is listed")
		}
		if n := f.Sandbox.Stats().Objects["user_properties"]; n != 4 {
			t.Errorf("%d user properties", n)
		}
		r := f.Write("POST", sandboxtest.UserPropertiesPath, map[string]any{"property_name": "Favourite Colour", "data_type": "string"})
		r.WantStatus(t, http.StatusCreated)
		got := r.Data(t)
		sandboxtest.WantString(t, got, "data_type", "string")
		sandboxtest.WantString(t, got, "description", nil)
		if sandboxtest.MustJSON(t, got["enum_values"]) != "[]" {
			t.Errorf("the restore kept the old enum_values: %v", got["enum_values"])
		}
	})
}

// country is one of Amplitude's default user properties: every write to it
// is refused.
func TestUserPropertyReadOnly(t *testing.T) {
	f := start(t)
	const detail = "country is one of Amplitude's default user properties; it cannot be changed"
	path := sandboxtest.UserPropertiesPath + "/country"
	f.Write("PATCH", path, map[string]any{"description": "Where the user is"}).WantProblem(t, http.StatusUnprocessableEntity, "read_only_property", detail)
	f.Write("DELETE", path, nil).WantProblem(t, http.StatusUnprocessableEntity, "read_only_property", detail)
	f.Write("DELETE", path+"?dry_run=true", nil).WantProblem(t, http.StatusUnprocessableEntity, "read_only_property", detail)
	f.Write("POST", sandboxtest.UserPropertiesPath, map[string]any{"property_name": "country"}).WantProblem(t, http.StatusUnprocessableEntity, "read_only_property", detail)
	got := f.Developer("GET", path, nil).Data(t)
	sandboxtest.WantString(t, got, "description", nil)
	sandboxtest.WantString(t, got, "is_official", true)
}

func TestUserPropertyPromotion(t *testing.T) {
	f := start(t)
	path := sandboxtest.UserPropertiesPath + "/referral_source"
	const detail = "referral_source has data but is not in the tracking plan: POST it to add it to the plan first"
	f.Write("PATCH", path, map[string]any{"description": "Where they came from"}).WantProblem(t, http.StatusUnprocessableEntity, "not_in_schema", detail)
	f.Write("DELETE", path, nil).WantProblem(t, http.StatusUnprocessableEntity, "not_in_schema", detail)

	r := f.Write("POST", sandboxtest.UserPropertiesPath, map[string]any{"property_name": "referral_source", "description": "Where they came from", "data_type": "string"})
	r.WantStatus(t, http.StatusCreated)
	sandboxtest.WantString(t, r.Data(t), "is_in_schema", true)
	sandboxtest.WantString(t, r.Data(t), "description", "Where they came from")
	if n := f.Sandbox.Stats().Objects["user_properties"]; n != 4 {
		t.Errorf("%d user properties after the promotion, want 4", n)
	}
	f.Write("PATCH", path, map[string]any{"is_hidden": true}).WantStatus(t, http.StatusOK)
	f.Write("DELETE", path, nil).WantStatus(t, http.StatusNoContent)
}

func TestUserPropertyValidation(t *testing.T) {
	f := start(t)
	for _, tt := range []struct {
		body        map[string]any
		field, code string
	}{
		{map[string]any{"property_name": "p", "display_name": ""}, "display_name", "invalid_value"},
		{map[string]any{"property_name": "p", "display_name": " Plan"}, "display_name", "invalid_value"},
		{map[string]any{"property_name": "p", "display_name": strings.Repeat("d", 1001)}, "display_name", "too_long"},
		{map[string]any{"property_name": "p", "data_type": "enum"}, "enum_values", "required"},
		{map[string]any{"property_name": "p", "data_type": "boolean", "regex": "^t"}, "regex", "not_allowed"},
		{map[string]any{"property_name": "p", "classifications": []any{"REVENUE", "PII", "REVENUE"}}, "classifications", "duplicate"},
		{map[string]any{"name": "p"}, "property_name", "required"},
	} {
		f.Write("POST", sandboxtest.UserPropertiesPath, tt.body).WantFieldProblem(t, http.StatusBadRequest, tt.field, tt.code, "")
	}
	f.Write("PATCH", sandboxtest.UserPropertiesPath+"/plan", map[string]any{"display_name": 3}).WantFieldProblem(t, http.StatusBadRequest, "display_name", "invalid_type", "")
	if n := f.Sandbox.Stats().Objects["user_properties"]; n != 4 {
		t.Errorf("%d user properties after refused writes", n)
	}
}

func TestUserPropertyListPaging(t *testing.T) {
	f := start(t)
	for _, name := range []string{"zip", "age", "tier", "locale", "email"} {
		f.Write("POST", sandboxtest.UserPropertiesPath, map[string]any{"property_name": name}).WantStatus(t, http.StatusCreated)
	}
	want := []string{"age", "country", "email", "locale", "ltv", "plan", "referral_source", "tier", "zip"}
	if got := f.names(sandboxtest.UserPropertiesPath, "?limit=2", "property_name"); !slices.Equal(got, want) {
		t.Errorf("pages %v, want %v", got, want)
	}
	p := f.Developer("GET", sandboxtest.UserPropertiesPath+"?limit=4", nil).Page(t)
	if len(p.Data) != 4 || !p.Pagination.HasMore {
		t.Fatalf("first page %+v", p.Pagination)
	}
	f.Write("DELETE", sandboxtest.UserPropertiesPath+"/locale", nil).WantStatus(t, http.StatusNoContent)
	rest := f.Developer("GET", sandboxtest.UserPropertiesPath+"?limit=200&cursor="+*p.Pagination.NextCursor, nil).Page(t)
	if len(rest.Data) != 5 || rest.Data[0]["property_name"] != "ltv" || rest.Pagination.HasMore || rest.Pagination.NextCursor != nil {
		t.Errorf("rest %+v", rest)
	}
	if got := f.names(sandboxtest.UserPropertiesPath, "?q=L", "property_name"); !slices.Equal(got, []string{"email", "ltv", "plan", "referral_source"}) {
		t.Errorf("q=L %v", got)
	}
	readOnly := f.Send("GET", developerapi.Path+sandboxtest.UserPropertiesPath, nil, sandboxtest.DeveloperAuth(developerapi.ReadOnlyToken))
	readOnly.WantStatus(t, http.StatusOK)
	f.WriteAs(developerapi.ReadOnlyToken, sandboxtest.NewKey(), "PATCH", sandboxtest.UserPropertiesPath+"/plan", map[string]any{}).
		WantProblem(t, http.StatusForbidden, "insufficient_scope", "")
}

// A user-property sync's source is any user property that is not deleted.
func TestSyncSourcesAreUserProperties(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	f.CreateSync(sandboxtest.SyncBody("user_property", "referral_source", stream, "hourly"))
	f.Write("POST", sandboxtest.UserPropertiesPath, map[string]any{"property_name": "tier", "data_type": "number"}).WantStatus(t, http.StatusCreated)
	f.CreateSync(sandboxtest.SyncBody("user_property", "tier", stream, "hourly"))
	f.Write("DELETE", sandboxtest.UserPropertiesPath+"/tier", nil).WantStatus(t, http.StatusNoContent)
	f.Amplitude("POST", "/api/2/syncs", sandboxtest.SyncBody("user_property", "tier", f.CreateDestination(sandboxtest.BrazeStream("other"))["id"].(string), "daily")).
		WantAmplitudeError(t, http.StatusBadRequest, `source_id "tier" is not a user property of this project`)
	// The sync of the deleted property still runs, writing a Number.
	f.Clock.Advance(61 * time.Minute)
	r := f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil)
	var body sandboxtest.CustomAttributesBody
	r.Decode(t, &body)
	types := map[string]any{}
	for _, a := range body.Attributes {
		types[a["name"].(string)] = a["data_type"]
	}
	if types["tier"] != "Number" || types["referral_source"] != "String" {
		t.Errorf("attributes %v", types)
	}
}
