package sandbox_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

const userProperties = "/api/2/taxonomy/user-property"

func (f *sandboxFixture) userProperty(apiName string) map[string]any {
	f.t.Helper()
	r := f.amplitude("GET", userProperties+"/"+url.PathEscape(apiName), nil)
	r.wantStatus(f.t, http.StatusOK)
	return r.object(f.t)
}

func (f *sandboxFixture) userPropertyNames(query string) []string {
	f.t.Helper()
	r := f.amplitude("GET", userProperties+query, nil)
	r.wantStatus(f.t, http.StatusOK)
	var body struct {
		Success bool `json:"success"`
		Data    []struct {
			UserProperty string `json:"user_property"`
		} `json:"data"`
	}
	r.decode(f.t, &body)
	if !body.Success {
		f.t.Fatalf("list body %s", r.body)
	}
	var names []string
	for _, p := range body.Data {
		names = append(names, p.UserProperty)
	}
	return names
}

// wantSuccess checks the Taxonomy API's bare answer to a write.
func (r response) wantSuccess(t *testing.T) {
	t.Helper()
	r.wantStatus(t, http.StatusOK)
	if string(r.body) != `{"success":true}`+"\n" {
		t.Fatalf("body %s, want {\"success\":true}", r.body)
	}
}

func TestUserPropertyCreateAndGet(t *testing.T) {
	f := start(t)
	f.amplitudeForm("POST", userProperties, url.Values{
		"user_property":   {"Favourite Colour"},
		"description":     {"Chosen at sign-up"},
		"type":            {"enum"},
		"enum_values":     {"red, yellow, blue"},
		"is_array_type":   {"true"},
		"is_hidden":       {"false"},
		"classifications": {"PII,SENSITIVE"},
	}).wantSuccess(t)

	got := f.userProperty("gp:Favourite Colour")
	want := map[string]any{
		"user_property":   "gp:Favourite Colour",
		"description":     "Chosen at sign-up",
		"type":            "enum",
		"enum_values":     "red, yellow, blue",
		"regex":           nil,
		"is_array_type":   true,
		"is_hidden":       false,
		"classifications": []any{"PII", "SENSITIVE"},
		"deleted":         false,
	}
	if a, b := mustJSON(t, got), mustJSON(t, want); a != b {
		t.Fatalf("got %s\nwant %s", a, b)
	}

	t.Run("minimal create, documented nulls", func(t *testing.T) {
		f.amplitudeForm("POST", userProperties, url.Values{"user_property": {"referrer"}}).wantSuccess(t)
		got := f.userProperty("gp:referrer")
		for _, field := range []string{"description", "type", "enum_values", "regex"} {
			if v, ok := got[field]; !ok || v != nil {
				t.Errorf("%s = %v (present %v), want null", field, v, ok)
			}
		}
		if c, ok := got["classifications"].([]any); !ok || len(c) != 0 {
			t.Errorf("classifications = %v, want []", got["classifications"])
		}
	})
	t.Run("repeated classifications fields", func(t *testing.T) {
		f.amplitudeForm("POST", userProperties+"/", url.Values{"user_property": {"income"}, "classifications": {"REVENUE", "PII", "REVENUE"}}).wantSuccess(t)
		if got := mustJSON(t, f.userProperty("gp:income")["classifications"]); got != `["REVENUE","PII"]` {
			t.Errorf("classifications %s", got)
		}
	})
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Custom properties are named gp:NAME in paths and answers; Amplitude's own,
// such as country, without the prefix.
func TestUserPropertyNaming(t *testing.T) {
	f := start(t)
	if got := f.userProperty("gp:plan")["user_property"]; got != "gp:plan" {
		t.Errorf("gp:plan reads as %v", got)
	}
	if got := f.userProperty("country")["user_property"]; got != "country" {
		t.Errorf("country reads as %v", got)
	}
	for _, path := range []string{"plan", "gp:country", "gp:nothing", "gp:"} {
		f.amplitude("GET", userProperties+"/"+path, nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	}
	r := f.amplitude("GET", userProperties+"/gp:nothing", nil)
	if string(r.body) != `{"success":false,"errors":[{"message":"Not found"}]}`+"\n" {
		t.Errorf("404 body %s", r.body)
	}
	if got, want := mustJSON(t, f.userPropertyNames("")), `["gp:plan","country","gp:ltv"]`; got != want {
		t.Errorf("list %s, want %s", got, want)
	}
}

func TestUserPropertyUpdate(t *testing.T) {
	f := start(t)
	f.amplitudeForm("POST", userProperties, url.Values{
		"user_property": {"zip"}, "description": {"Post code"}, "type": {"string"}, "regex": {"[0-9]{5}"}, "classifications": {"PII"},
	}).wantSuccess(t)

	t.Run("a field not sent is kept, an empty one cleared", func(t *testing.T) {
		f.amplitudeForm("PUT", userProperties+"/gp:zip", url.Values{"description": {""}, "is_hidden": {"true"}}).wantSuccess(t)
		got := f.userProperty("gp:zip")
		wantString(t, got, "description", nil)
		wantString(t, got, "regex", "[0-9]{5}")
		wantString(t, got, "type", "string")
		wantString(t, got, "is_hidden", true)
		if mustJSON(t, got["classifications"]) != `["PII"]` {
			t.Errorf("classifications %v", got["classifications"])
		}
	})
	t.Run("every field at once, as a client sends them", func(t *testing.T) {
		f.amplitudeForm("PUT", userProperties+"/gp:zip", url.Values{
			"description": {"ZIP"}, "type": {"enum"}, "regex": {""}, "enum_values": {"10001,94103"},
			"is_array_type": {"false"}, "is_hidden": {"false"}, "classifications": {""},
		}).wantSuccess(t)
		got := f.userProperty("gp:zip")
		wantString(t, got, "type", "enum")
		wantString(t, got, "regex", nil)
		wantString(t, got, "enum_values", "10001,94103")
		if mustJSON(t, got["classifications"]) != `[]` {
			t.Errorf("classifications %v, want []", got["classifications"])
		}
	})
	t.Run("rename", func(t *testing.T) {
		f.amplitudeForm("PUT", userProperties+"/gp:zip", url.Values{"new_user_property_value": {"postal_code"}}).wantSuccess(t)
		f.amplitude("GET", userProperties+"/gp:zip", nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
		got := f.userProperty("gp:postal_code")
		wantString(t, got, "description", "ZIP")
	})
	t.Run("rename onto a taken name", func(t *testing.T) {
		for name, want := range map[string]string{
			"plan":    `Attempted to rename postal_code to a user property, "plan", that already exists.`,
			"country": `"country", that already exists as an Amplitude user property`,
		} {
			f.amplitudeForm("PUT", userProperties+"/gp:postal_code", url.Values{"new_user_property_value": {name}}).wantAmplitudeError(t, http.StatusConflict, want)
		}
	})
	t.Run("unknown, deleted or Amplitude's own", func(t *testing.T) {
		f.amplitudeForm("PUT", userProperties+"/gp:nothing", url.Values{"description": {"x"}}).wantAmplitudeError(t, http.StatusNotFound, "Not found")
		f.amplitudeForm("DELETE", userProperties+"/gp:ltv", nil).wantSuccess(t)
		f.amplitudeForm("PUT", userProperties+"/gp:ltv", url.Values{"description": {"x"}}).wantAmplitudeError(t, http.StatusNotFound, "Not found")
		f.amplitudeForm("PUT", userProperties+"/country", url.Values{"description": {"x"}}).wantAmplitudeError(t, http.StatusConflict, "is an Amplitude user property")
	})
}

func TestUserPropertyValidation(t *testing.T) {
	f := start(t)
	tests := []struct {
		name string
		form url.Values
		want string
	}{
		{"no name", url.Values{"description": {"x"}}, "user_property is required"},
		{"gp: prefix", url.Values{"user_property": {"gp:tier"}}, `user_property "gp:tier" must be given without the gp: prefix`},
		{"bad type", url.Values{"user_property": {"tier"}, "type": {"text"}}, `type "text" is not valid: use one of string, number, boolean, enum, any`},
		{"regex without string", url.Values{"user_property": {"tier"}, "type": {"number"}, "regex": {"[0-9]+"}}, "regex applies only to type string; this property's type is number"},
		{"regex without a type", url.Values{"user_property": {"tier"}, "regex": {"[0-9]+"}}, "this property's type is not set"},
		{"enum values without enum", url.Values{"user_property": {"tier"}, "type": {"string"}, "enum_values": {"a,b"}}, "enum_values applies only to type enum"},
		{"bad classification", url.Values{"user_property": {"tier"}, "classifications": {"PII,SECRET"}}, `classification "SECRET" is not valid: use PII, SENSITIVE, REVENUE`},
		{"bad boolean", url.Values{"user_property": {"tier"}, "is_hidden": {"yes"}}, `is_hidden "yes" must be true or false`},
		{"repeated field", url.Values{"user_property": {"tier"}, "type": {"string", "number"}}, "type is sent 2 times"},
		{"unknown field", url.Values{"user_property": {"tier"}, "category": {"x"}}, `unknown field "category"`},
		{"rename field on create", url.Values{"user_property": {"tier"}, "new_user_property_value": {"x"}}, `unknown field "new_user_property_value"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.amplitudeForm("POST", userProperties, tt.form).wantAmplitudeError(t, http.StatusBadRequest, tt.want)
		})
	}
	t.Run("update is checked as it would leave the property", func(t *testing.T) {
		// plan is a string: a regex is fine, until the type changes.
		f.amplitudeForm("PUT", userProperties+"/gp:plan", url.Values{"regex": {"^[a-z]+$"}}).wantSuccess(t)
		f.amplitudeForm("PUT", userProperties+"/gp:plan", url.Values{"type": {"enum"}}).wantAmplitudeError(t, http.StatusBadRequest, "regex applies only to type string; this property's type is enum")
		f.amplitudeForm("PUT", userProperties+"/gp:plan", url.Values{"new_user_property_value": {""}}).wantAmplitudeError(t, http.StatusBadRequest, "new_user_property_value is required")
	})
	t.Run("JSON is not a form", func(t *testing.T) {
		r := f.amplitude("POST", userProperties, map[string]any{"user_property": "tier"})
		r.wantAmplitudeError(t, http.StatusUnsupportedMediaType, `Content-Type "application/json" is not supported`)
	})
	if got := f.userPropertyNames(""); len(got) != 3 {
		t.Fatalf("refused creates left properties: %v", got)
	}
}

func TestUserPropertyNamesAreTaken(t *testing.T) {
	f := start(t)
	f.amplitudeForm("POST", userProperties, url.Values{"user_property": {"plan"}}).wantAmplitudeError(t, http.StatusConflict, `Attempted to add a user property, "plan", that already exists.`)
	f.amplitudeForm("POST", userProperties, url.Values{"user_property": {"country"}}).wantAmplitudeError(t, http.StatusConflict, "already exists as an Amplitude user property")
	f.amplitudeForm("DELETE", userProperties+"/gp:plan", nil).wantSuccess(t)
	f.amplitudeForm("POST", userProperties, url.Values{"user_property": {"plan"}}).wantAmplitudeError(t, http.StatusConflict,
		"that already exists and is deleted; restore it with POST /api/2/taxonomy/user-property/gp:plan/restore")
}

func TestUserPropertyDeleteAndRestore(t *testing.T) {
	f := start(t)
	f.amplitudeForm("DELETE", userProperties+"/gp:ltv", nil).wantSuccess(t)

	f.amplitude("GET", userProperties+"/gp:ltv", nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	r := f.amplitude("GET", userProperties+"/gp:ltv?showDeleted=true", nil)
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.object(t), "deleted", true)
	if got, want := mustJSON(t, f.userPropertyNames("")), `["gp:plan","country"]`; got != want {
		t.Errorf("list %s, want %s", got, want)
	}
	if got, want := mustJSON(t, f.userPropertyNames("?showDeleted=true")), `["gp:plan","country","gp:ltv"]`; got != want {
		t.Errorf("list with deleted %s, want %s", got, want)
	}
	if n := f.server.Stats().Objects.UserProperties; n != 2 {
		t.Errorf("stats count %d user properties, want the 2 live ones", n)
	}
	f.amplitudeForm("DELETE", userProperties+"/gp:ltv", nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	f.amplitudeForm("DELETE", userProperties+"/country", nil).wantAmplitudeError(t, http.StatusConflict,
		`Attempted to remove a user property, "country", that is not a planned user property.`)

	f.amplitudeForm("POST", userProperties+"/gp:ltv/restore", nil).wantSuccess(t)
	wantString(t, f.userProperty("gp:ltv"), "description", "Lifetime value in USD")
	f.amplitudeForm("POST", userProperties+"/gp:ltv/restore", nil).wantAmplitudeError(t, http.StatusConflict, `Attempted to restore a user property, "gp:ltv", that is not deleted.`)
	f.amplitudeForm("POST", userProperties+"/gp:nothing/restore", nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	f.amplitude("GET", userProperties+"?showDeleted=maybe", nil).wantAmplitudeError(t, http.StatusBadRequest, `showDeleted "maybe" must be true or false`)
}

// "Hidden user properties ... don't appear in the response" of the list;
// they can still be read one by one.
func TestUserPropertyHiddenFromList(t *testing.T) {
	f := start(t)
	f.amplitudeForm("PUT", userProperties+"/gp:ltv", url.Values{"is_hidden": {"true"}}).wantSuccess(t)
	if got, want := mustJSON(t, f.userPropertyNames("")), `["gp:plan","country"]`; got != want {
		t.Errorf("list %s, want %s", got, want)
	}
	wantString(t, f.userProperty("gp:ltv"), "is_hidden", true)
}

// A property that a sync uses may be deleted; the sync keeps its source and
// attribute.
func TestUserPropertyInUseCanBeDeleted(t *testing.T) {
	f := start(t)
	stream, _ := f.destinations()
	id := f.createSync(syncBody("user_property", "ltv", stream, "hourly"))["id"].(string)
	f.amplitudeForm("DELETE", userProperties+"/gp:ltv", nil).wantSuccess(t)
	got := f.getSync(id)
	wantString(t, got, "source_id", "ltv")
	wantString(t, got, "braze_attribute", "ltv")
	// The generated name still shows the property by name.
	r := f.amplitude("PUT", "/api/2/syncs/"+id, syncBody("user_property", "ltv", stream, "daily"))
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.object(t), "name", "user_property ltv → stream")
}
