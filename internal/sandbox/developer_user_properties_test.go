package sandbox_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func TestUserPropertiesSeed(t *testing.T) {
	f := start(t)
	if got := f.names(userPropertiesPath, "", "property_name"); !slices.Equal(got, []string{"country", "ltv", "plan", "referral_source"}) {
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
		r := f.developer("GET", userPropertiesPath+"/"+name, nil)
		r.wantStatus(t, http.StatusOK)
		if got := strings.TrimSpace(string(r.body)); got != body {
			t.Errorf("%s\n%s\nwant\n%s", name, got, body)
		}
	}
	// No gp: prefix any more.
	f.developer("GET", userPropertiesPath+"/gp:plan", nil).wantProblem(t, http.StatusNotFound, "not_found", `no user property "gp:plan" in project 424242`)
}

func TestUserPropertyLifecycle(t *testing.T) {
	f := start(t)
	body := map[string]any{
		"property_name": "Favourite Colour", "display_name": "Favourite colour", "description": "Chosen at sign-up",
		"data_type": "enum", "is_array_type": true, "enum_values": []any{"red", "yellow", "blue"}, "is_hidden": false,
		"classifications": []any{"PII", "SENSITIVE"},
	}
	r := f.write("POST", userPropertiesPath, body)
	r.wantStatus(t, http.StatusCreated)
	want := map[string]any{
		"id": "Favourite Colour", "object": "user_property", "project_id": "424242", "property_name": "Favourite Colour",
		"display_name": "Favourite colour", "description": "Chosen at sign-up", "is_official": false, "is_hidden": false,
		"is_in_schema": true, "data_type": "enum", "is_array_type": true, "enum_values": []any{"red", "yellow", "blue"},
		"regex": nil, "classifications": []any{"PII", "SENSITIVE"},
	}
	if got := r.data(t); mustJSON(t, got) != mustJSON(t, want) {
		t.Errorf("created\n%v\nwant\n%v", got, want)
	}
	path := userPropertiesPath + "/Favourite%20Colour"
	if got := f.developer("GET", path, nil).data(t); mustJSON(t, got) != mustJSON(t, want) {
		t.Errorf("read back %v", got)
	}

	t.Run("PATCH changes what it sends", func(t *testing.T) {
		got := f.write("PATCH", path, map[string]any{"is_hidden": true, "classifications": []any{"INTERNAL"}}).data(t)
		wantString(t, got, "is_hidden", true)
		wantString(t, got, "description", "Chosen at sign-up")
		wantString(t, got, "display_name", "Favourite colour")
		if mustJSON(t, got["classifications"]) != `["INTERNAL"]` {
			t.Errorf("classifications %v", got["classifications"])
		}
		got = f.write("PATCH", path, map[string]any{"display_name": nil, "description": nil, "classifications": nil}).data(t)
		if got["display_name"] != nil || got["description"] != nil || mustJSON(t, got["classifications"]) != "[]" {
			t.Errorf("null clears: %v", got)
		}
		if read := f.developer("GET", path, nil).data(t); mustJSON(t, read) != mustJSON(t, got) {
			t.Errorf("read %v after PATCH answered %v", read, got)
		}
	})

	t.Run("type and shape are fixed at create", func(t *testing.T) {
		for field, value := range map[string]any{"data_type": "string", "is_array_type": false, "enum_values": []any{"red"}, "regex": nil} {
			f.write("PATCH", path, map[string]any{field: value}).
				wantFieldProblem(t, http.StatusBadRequest, field, "not_allowed", field+" is set when the property is created and cannot change")
		}
		f.write("PATCH", path, map[string]any{"property_name": "colour"}).wantFieldProblem(t, http.StatusBadRequest, "property_name", "unknown_field", "")
		f.write("PATCH", path, map[string]any{"is_official": true}).wantFieldProblem(t, http.StatusBadRequest, "is_official", "unknown_field", "")
		f.write("POST", userPropertiesPath, map[string]any{"property_name": "x", "is_in_schema": false}).
			wantFieldProblem(t, http.StatusBadRequest, "is_in_schema", "unknown_field", "")
	})

	t.Run("in the plan already: returned unchanged with 200", func(t *testing.T) {
		r := f.write("POST", userPropertiesPath, map[string]any{"property_name": "plan", "description": "ignored", "display_name": "Plan"})
		r.wantStatus(t, http.StatusOK)
		wantString(t, r.data(t), "description", "Subscription plan")
		wantString(t, r.data(t), "display_name", nil)
	})

	t.Run("soft delete and restore", func(t *testing.T) {
		f.write("DELETE", path+"?dry_run=true", nil).wantStatus(t, http.StatusNoContent)
		f.developer("GET", path, nil).wantStatus(t, http.StatusOK)
		f.write("DELETE", path, nil).wantStatus(t, http.StatusNoContent)
		f.developer("GET", path, nil).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.write("PATCH", path, map[string]any{}).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.write("DELETE", path, nil).wantProblem(t, http.StatusNotFound, "not_found", "")
		if slices.Contains(f.names(userPropertiesPath, "", "property_name"), "Favourite Colour") {
			t.Error("a deleted property is listed")
		}
		if n := f.server.Stats().Objects.UserProperties; n != 4 {
			t.Errorf("%d user properties", n)
		}
		r := f.write("POST", userPropertiesPath, map[string]any{"property_name": "Favourite Colour", "data_type": "string"})
		r.wantStatus(t, http.StatusCreated)
		got := r.data(t)
		wantString(t, got, "data_type", "string")
		wantString(t, got, "description", nil)
		if mustJSON(t, got["enum_values"]) != "[]" {
			t.Errorf("the restore kept the old enum_values: %v", got["enum_values"])
		}
	})
}

// country is one of Amplitude's default user properties: every write to it
// is refused.
func TestUserPropertyReadOnly(t *testing.T) {
	f := start(t)
	const detail = "country is one of Amplitude's default user properties; it cannot be changed"
	path := userPropertiesPath + "/country"
	f.write("PATCH", path, map[string]any{"description": "Where the user is"}).wantProblem(t, http.StatusUnprocessableEntity, "read_only_property", detail)
	f.write("DELETE", path, nil).wantProblem(t, http.StatusUnprocessableEntity, "read_only_property", detail)
	f.write("DELETE", path+"?dry_run=true", nil).wantProblem(t, http.StatusUnprocessableEntity, "read_only_property", detail)
	f.write("POST", userPropertiesPath, map[string]any{"property_name": "country"}).wantProblem(t, http.StatusUnprocessableEntity, "read_only_property", detail)
	got := f.developer("GET", path, nil).data(t)
	wantString(t, got, "description", nil)
	wantString(t, got, "is_official", true)
}

func TestUserPropertyPromotion(t *testing.T) {
	f := start(t)
	path := userPropertiesPath + "/referral_source"
	const detail = "referral_source has data but is not in the tracking plan: POST it to add it to the plan first"
	f.write("PATCH", path, map[string]any{"description": "Where they came from"}).wantProblem(t, http.StatusUnprocessableEntity, "not_in_schema", detail)
	f.write("DELETE", path, nil).wantProblem(t, http.StatusUnprocessableEntity, "not_in_schema", detail)

	r := f.write("POST", userPropertiesPath, map[string]any{"property_name": "referral_source", "description": "Where they came from", "data_type": "string"})
	r.wantStatus(t, http.StatusCreated)
	wantString(t, r.data(t), "is_in_schema", true)
	wantString(t, r.data(t), "description", "Where they came from")
	if n := f.server.Stats().Objects.UserProperties; n != 4 {
		t.Errorf("%d user properties after the promotion, want 4", n)
	}
	f.write("PATCH", path, map[string]any{"is_hidden": true}).wantStatus(t, http.StatusOK)
	f.write("DELETE", path, nil).wantStatus(t, http.StatusNoContent)
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
		f.write("POST", userPropertiesPath, tt.body).wantFieldProblem(t, http.StatusBadRequest, tt.field, tt.code, "")
	}
	f.write("PATCH", userPropertiesPath+"/plan", map[string]any{"display_name": 3}).wantFieldProblem(t, http.StatusBadRequest, "display_name", "invalid_type", "")
	if n := f.server.Stats().Objects.UserProperties; n != 4 {
		t.Errorf("%d user properties after refused writes", n)
	}
}

func TestUserPropertyListPaging(t *testing.T) {
	f := start(t)
	for _, name := range []string{"zip", "age", "tier", "locale", "email"} {
		f.write("POST", userPropertiesPath, map[string]any{"property_name": name}).wantStatus(t, http.StatusCreated)
	}
	want := []string{"age", "country", "email", "locale", "ltv", "plan", "referral_source", "tier", "zip"}
	if got := f.names(userPropertiesPath, "?limit=2", "property_name"); !slices.Equal(got, want) {
		t.Errorf("pages %v, want %v", got, want)
	}
	p := f.developer("GET", userPropertiesPath+"?limit=4", nil).page(t)
	if len(p.Data) != 4 || !p.Pagination.HasMore {
		t.Fatalf("first page %+v", p.Pagination)
	}
	f.write("DELETE", userPropertiesPath+"/locale", nil).wantStatus(t, http.StatusNoContent)
	rest := f.developer("GET", userPropertiesPath+"?limit=200&cursor="+*p.Pagination.NextCursor, nil).page(t)
	if len(rest.Data) != 5 || rest.Data[0]["property_name"] != "ltv" || rest.Pagination.HasMore || rest.Pagination.NextCursor != nil {
		t.Errorf("rest %+v", rest)
	}
	if got := f.names(userPropertiesPath, "?q=L", "property_name"); !slices.Equal(got, []string{"email", "ltv", "plan", "referral_source"}) {
		t.Errorf("q=L %v", got)
	}
	readOnly := f.send("GET", sandbox.DeveloperAPIPath+userPropertiesPath, nil, developerAuth(sandbox.DeveloperAPIReadOnlyToken))
	readOnly.wantStatus(t, http.StatusOK)
	f.writeAs(sandbox.DeveloperAPIReadOnlyToken, newKey(), "PATCH", userPropertiesPath+"/plan", map[string]any{}).
		wantProblem(t, http.StatusForbidden, "insufficient_scope", "")
}

// A user-property sync's source is any user property that is not deleted.
func TestSyncSourcesAreUserProperties(t *testing.T) {
	f := start(t)
	stream, _ := f.destinations()
	f.createSync(syncBody("user_property", "referral_source", stream, "hourly"))
	f.write("POST", userPropertiesPath, map[string]any{"property_name": "tier", "data_type": "number"}).wantStatus(t, http.StatusCreated)
	f.createSync(syncBody("user_property", "tier", stream, "hourly"))
	f.write("DELETE", userPropertiesPath+"/tier", nil).wantStatus(t, http.StatusNoContent)
	f.amplitude("POST", "/api/2/syncs", syncBody("user_property", "tier", f.createDestination(brazeStream("other"))["id"].(string), "daily")).
		wantAmplitudeError(t, http.StatusBadRequest, `source_id "tier" is not a user property of this project`)
	// The sync of the deleted property still runs, writing a Number.
	f.clock.advance(61 * time.Minute)
	r := f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil)
	var body customAttributesBody
	r.decode(t, &body)
	types := map[string]any{}
	for _, a := range body.Attributes {
		types[a["name"].(string)] = a["data_type"]
	}
	if types["tier"] != "Number" || types["referral_source"] != "String" {
		t.Errorf("attributes %v", types)
	}
}
