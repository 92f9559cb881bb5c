package destinations_test

import (
	"encoding/json"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

// destinationFields are the fields of every destination the API answers.
var destinationFields = []string{
	"id", "object", "project_id", "partner", "display_name", "kind", "config", "credential_status", "version",
	"enabled", "paused", "event_filter", "property_mappings", "send_events", "send_users",
	"created_at", "updated_at", "created_by", "updated_by",
}

func TestDestinationCreateAndGet(t *testing.T) {
	created := sandboxtest.Epoch.Format(time.RFC3339)
	tests := []struct {
		name string
		body map[string]any
		want map[string]string // field → its JSON
	}{
		{
			name: "braze event stream",
			body: sandboxtest.BrazeStream("stream"),
			want: map[string]string{
				"partner": `"braze"`, "display_name": `"stream"`, "kind": `["event","identify"]`,
				"config": `{"api_endpoint":"https://rest.iad-05.braze.com","app_id":"` + brazeapi.AppID +
					`","user_id_mapping":{"amplitude_property":"user_id","braze_identifier":"external_id"}}`,
				"enabled": "true", "paused": "false", "send_events": "true", "send_users": "true",
				"event_filter":      `{"events":["Purchase"],"property_filters":{"conditions":[{"operator":"is","property":"country","values":["US"]}]}}`,
				"property_mappings": `{"event_properties":["price"],"user_properties":["plan"]}`,
			},
		},
		{
			name: "braze cohorts",
			body: sandboxtest.BrazeCohorts("cohorts"),
			want: map[string]string{
				"kind": `["cohort"]`,
				"config": `{"api_endpoint":"https://rest.fra-01.braze.eu","identifier_mappings":[` +
					`{"amplitude_property":"user_id","braze_identifier":"external_id"},{"amplitude_property":"device_id","braze_identifier":"device_id"}]}`,
				"enabled": "true", "paused": "false", "send_events": "false", "send_users": "false",
				"event_filter": "null", "property_mappings": "null",
			},
		},
		{
			name: "webhook, kind inferred",
			body: sandboxtest.Webhook("hook"),
			want: map[string]string{
				"partner": `"webhook"`, "kind": `["event"]`,
				"config":  `{"batch_size":100,"format":"ndjson","headers":{"X-Team":"growth"},"url":"https://hooks.example.com/amplitude"}`,
				"enabled": "true", "send_events": "true", "send_users": "false", "event_filter": "null", "property_mappings": "null",
			},
		},
		{
			name: "kind in any order, answered in one",
			body: sandboxtest.Set(sandboxtest.Set(sandboxtest.BrazeStream("ordered"), "kind", []any{"identify", "event"}), "enabled", false),
			want: map[string]string{"kind": `["event","identify"]`, "enabled": "false", "paused": "true"},
		},
		{
			name: "identify only, sending users",
			body: sandboxtest.Set(sandboxtest.Set(sandboxtest.BrazeStream("users"), "kind", []any{"identify"}), "event_filter", sandboxtest.Absent),
			want: map[string]string{"kind": `["identify"]`, "send_events": "false", "send_users": "true", "event_filter": "null"},
		},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.Developer("POST", sandboxtest.DestinationsPath, tt.body)
			r.WantStatus(t, http.StatusCreated)
			if ct := r.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			got := r.Data(t)
			read := f.GetDestination(got["id"].(string))
			if sandboxtest.MustJSON(t, read) != sandboxtest.MustJSON(t, got) {
				t.Errorf("read %v differs from the create's answer %v", read, got)
			}
			keys := slices.Sorted(maps.Keys(read))
			if want := slices.Sorted(slices.Values(destinationFields)); !slices.Equal(keys, want) {
				t.Errorf("fields %v, want %v", keys, want)
			}
			common := map[string]string{
				"object": `"destination"`, "project_id": `"424242"`, "credential_status": `"connected"`, "version": "1",
				"created_at": `"` + created + `"`, "updated_at": `"` + created + `"`,
				"created_by": `"sandbox-admin@example.com"`, "updated_by": `"sandbox-admin@example.com"`,
			}
			for _, want := range []map[string]string{common, tt.want} {
				for field, v := range want {
					if got := sandboxtest.MustJSON(t, read[field]); got != v {
						t.Errorf("%s = %s, want %s", field, got, v)
					}
				}
			}
		})
	}
	// display_name is no identity: the same create makes a second one.
	a := f.CreateDestination(sandboxtest.Webhook("same"))["id"]
	b := f.CreateDestination(sandboxtest.Webhook("same"))["id"]
	if a == b {
		t.Error("two creates made one destination")
	}
	f.Developer("GET", sandboxtest.DestinationsPath+"/nope", nil).WantProblem(t, http.StatusNotFound, "not_found", "no destination nope in project 424242")
}

// Secrets are write-only: no answer carries one, whatever the route.
func TestDestinationSecretsNeverReturned(t *testing.T) {
	f := start(t)
	_, key := f.CreateKey([]string{"users.track"}, nil)
	stream := f.CreateDestination(sandboxtest.Set(sandboxtest.BrazeStream("s"), "config.api_key", key))["id"].(string)
	cohorts := f.CreateDestination(sandboxtest.BrazeCohorts("c"))["id"].(string)
	hook := f.CreateDestination(sandboxtest.Webhook("w"))["id"].(string)
	secrets := []string{key, brazeapi.AdminKey, "import-key-1234", "hook-secret-5678", "new-import-key"}

	answers := []sandboxtest.Response{
		f.Developer("POST", sandboxtest.DestinationsPath, sandboxtest.Set(sandboxtest.BrazeStream("s2"), "config.api_key", key)),
		f.Developer("POST", sandboxtest.DestinationsPath+"?dry_run=true", sandboxtest.Set(sandboxtest.BrazeStream("s3"), "config.api_key", key)),
		f.Developer("GET", sandboxtest.DestinationsPath, nil),
		f.Developer("GET", sandboxtest.DestinationsPath+"/"+stream, nil),
		f.Developer("GET", sandboxtest.DestinationsPath+"/"+cohorts, nil),
		f.Developer("GET", sandboxtest.DestinationsPath+"/"+hook, nil),
		f.Developer("PATCH", sandboxtest.DestinationsPath+"/"+stream, map[string]any{"config": map[string]any{"api_key": brazeapi.AdminKey}}),
		f.Developer("PATCH", sandboxtest.DestinationsPath+"/"+cohorts+"?dry_run=true", map[string]any{"config": map[string]any{"data_import_key": "new-import-key"}}),
		f.Developer("PATCH", sandboxtest.DestinationsPath+"/"+hook, map[string]any{"config": map[string]any{"auth_token": "new-import-key"}}),
		f.Developer("POST", sandboxtest.DestinationsPath+"/"+stream+"/test", nil),
	}
	for i, r := range answers {
		if r.Status >= 300 {
			t.Errorf("answer %d: %d %s", i, r.Status, r.Body)
		}
		for _, secret := range secrets {
			if strings.Contains(string(r.Body), secret) {
				t.Errorf("answer %d shows the secret %s: %s", i, secret, r.Body)
			}
		}
	}
	// The secrets are kept all the same.
	if got := f.GetDestination(hook)["version"]; got != float64(2) {
		t.Errorf("a new auth_token should be a change; version %v", got)
	}
}

func TestDestinationUpdate(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.BrazeStream("before"))["id"].(string)
	path := sandboxtest.DestinationsPath + "/" + id
	patch := func(body any) map[string]any {
		t.Helper()
		r := f.Developer("PATCH", path, body)
		r.WantStatus(t, http.StatusOK)
		return r.Data(t)
	}
	f.Clock.Advance(time.Minute)
	later := sandboxtest.Epoch.Add(time.Minute).Format(time.RFC3339)

	got := patch(map[string]any{"display_name": "after", "enabled": false})
	sandboxtest.WantString(t, got, "display_name", "after")
	sandboxtest.WantString(t, got, "enabled", false)
	sandboxtest.WantString(t, got, "paused", true)
	sandboxtest.WantString(t, got, "version", float64(2))
	sandboxtest.WantString(t, got, "updated_at", later)
	sandboxtest.WantString(t, got, "created_at", sandboxtest.Epoch.Format(time.RFC3339))
	sandboxtest.WantString(t, got, "send_events", true) // absent: unchanged

	t.Run("a PATCH that changes nothing keeps the version", func(t *testing.T) {
		f.Clock.Advance(time.Minute)
		for _, body := range []map[string]any{
			{},
			{"display_name": "after", "kind": []any{"identify", "event"}},
			// The same secret again is no change.
			{"config": map[string]any{"api_key": brazeapi.AdminKey, "app_id": brazeapi.AppID}},
			{"event_filter": map[string]any{"events": []any{"Purchase"}, "property_filters": map[string]any{"conditions": []any{
				map[string]any{"property": "country", "operator": "is", "values": []any{"US"}},
			}}}},
		} {
			got := patch(body)
			sandboxtest.WantString(t, got, "version", float64(2))
			sandboxtest.WantString(t, got, "updated_at", later)
		}
	})

	t.Run("config is merged key by key; null removes a key", func(t *testing.T) {
		got := patch(map[string]any{"config": map[string]any{"user_alias_label": "amp", "update_users_only": true}})
		config := sandboxtest.MustJSON(t, got["config"])
		for _, want := range []string{`"app_id"`, `"api_endpoint"`, `"user_id_mapping"`, `"user_alias_label":"amp"`, `"update_users_only":true`} {
			if !strings.Contains(config, want) {
				t.Errorf("config %s lacks %s", config, want)
			}
		}
		sandboxtest.WantString(t, got, "version", float64(3))
		got = patch(map[string]any{"config": map[string]any{"user_alias_label": nil, "not_a_parameter": nil}})
		if config := sandboxtest.MustJSON(t, got["config"]); strings.Contains(config, "user_alias_label") {
			t.Errorf("config %s kept the removed key", config)
		}
		sandboxtest.WantString(t, got, "version", float64(4))
		// Removing what the destination needs is refused, as a create
		// without it would be.
		f.Developer("PATCH", path, map[string]any{"config": map[string]any{"app_id": nil}}).
			WantFieldProblem(t, http.StatusUnprocessableEntity, "config.app_id", "required", "")
		f.Developer("PATCH", path, map[string]any{"config": map[string]any{"api_key": nil}}).
			WantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "required", "")
	})

	t.Run("null clears event_filter and property_mappings", func(t *testing.T) {
		got := patch(map[string]any{"event_filter": nil, "property_mappings": nil})
		sandboxtest.WantString(t, got, "event_filter", nil)
		sandboxtest.WantString(t, got, "property_mappings", nil)
		sandboxtest.WantString(t, got, "version", float64(5))
	})

	t.Run("refusals", func(t *testing.T) {
		f.Developer("PATCH", path, map[string]any{"partner": "braze"}).WantFieldProblem(t, http.StatusBadRequest, "partner", "unknown_field", "partner is not a field of the request body")
		f.Developer("PATCH", path, map[string]any{"version": 5}).WantFieldProblem(t, http.StatusBadRequest, "version", "unknown_field", "")
		f.Developer("PATCH", path, map[string]any{"display_name": ""}).WantFieldProblem(t, http.StatusBadRequest, "display_name", "invalid_value", "not blank")
		// event_filter may be null here: a problem inside it is still located.
		f.Developer("PATCH", path, map[string]any{"event_filter": map[string]any{"events": []any{}}}).
			WantFieldProblem(t, http.StatusBadRequest, "event_filter.events", "too_short", "event_filter.events is too short")
		f.Developer("PATCH", path, map[string]any{"kind": []any{"cohort"}}).
			WantFieldProblem(t, http.StatusUnprocessableEntity, "kind", "not_allowed", "kind cannot change from event, identify (event streaming) to cohort (cohort)")
		f.Developer("PATCH", path, map[string]any{"kind": []any{"event"}}).
			WantFieldProblem(t, http.StatusUnprocessableEntity, "send_users", "invalid_value", "send_users is true but kind has no identify")
		f.Developer("PATCH", sandboxtest.DestinationsPath+"/nope", map[string]any{}).WantProblem(t, http.StatusNotFound, "not_found", "no destination nope")
		sandboxtest.WantString(t, f.GetDestination(id), "version", float64(5))
	})

	t.Run("kind within its family", func(t *testing.T) {
		got := patch(map[string]any{"kind": []any{"event"}, "send_users": false})
		sandboxtest.WantString(t, got, "version", float64(6))
		if sandboxtest.MustJSON(t, got["kind"]) != `["event"]` {
			t.Errorf("kind %v", got["kind"])
		}
	})
}

func TestDestinationCohortUpdate(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.BrazeCohorts("c"))["id"].(string)
	path := sandboxtest.DestinationsPath + "/" + id
	r := f.Developer("PATCH", path, map[string]any{"config": map[string]any{
		"identifier_mappings": []any{mapping("alias", "user_alias")}, "user_alias_label": "amp",
	}})
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantString(t, r.Data(t), "version", float64(2))
	f.Developer("PATCH", path, map[string]any{"enabled": false}).WantFieldProblem(t, http.StatusUnprocessableEntity, "enabled", "not_allowed", "")
	f.Developer("PATCH", path, map[string]any{"config": map[string]any{"user_alias_label": nil}}).
		WantFieldProblem(t, http.StatusUnprocessableEntity, "config.user_alias_label", "required", "")
	f.Developer("PATCH", path, map[string]any{"kind": []any{"event"}}).WantFieldProblem(t, http.StatusUnprocessableEntity, "kind", "not_allowed", "cannot change")
}

func TestDestinationIfMatch(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.Webhook("w"))["id"].(string)
	path := developerapi.Path + sandboxtest.DestinationsPath + "/" + id
	admin := sandboxtest.DeveloperAuth(developerapi.AdminToken)
	patch := func(ifMatch string, body any, query string) sandboxtest.Response {
		return f.Send("PATCH", path+query, body, func(r *http.Request) {
			admin(r)
			if ifMatch != "" {
				r.Header.Set("If-Match", ifMatch)
			}
		})
	}
	r := patch("1", map[string]any{"display_name": "two"}, "")
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantString(t, r.Data(t), "version", float64(2))

	// Someone else's change came first.
	p := patch("1", map[string]any{"display_name": "three"}, "").
		WantProblem(t, http.StatusPreconditionFailed, "version_mismatch", "destination "+id+" is at version 2; the request expected 1")
	if p.Retryable {
		t.Error("a 412 is not retryable")
	}
	// Before validation, and in a dry run too.
	patch("1", map[string]any{"config": map[string]any{"url": "http://x"}}, "").WantProblem(t, http.StatusPreconditionFailed, "version_mismatch", "")
	patch("7", map[string]any{"display_name": "three"}, "?dry_run=true").WantProblem(t, http.StatusPreconditionFailed, "version_mismatch", "expected 7")
	sandboxtest.WantString(t, f.GetDestination(id), "display_name", "two")

	for _, bad := range []string{`"2"`, `W/"2"`, "two", "-1", "+2", "2.0"} {
		patch(bad, map[string]any{"display_name": "three"}, "").WantFieldProblem(t, http.StatusBadRequest, "If-Match", "invalid_value", "If-Match")
	}
	r = patch(" 2 ", map[string]any{"display_name": "three"}, "")
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantString(t, r.Data(t), "version", float64(3))
}

func TestDestinationDryRunCreate(t *testing.T) {
	f := start(t)
	body := sandboxtest.Set(sandboxtest.BrazeStream("planned"), "config.user_alias_label", "amp")
	body["event_filter"] = map[string]any{"events": []any{"Purchase", "Checkout", "Refund"}}
	body["enabled"] = false
	r := f.Developer("POST", sandboxtest.DestinationsPath+"?dry_run=true", body)
	r.WantStatus(t, http.StatusOK)
	var answer struct {
		Data map[string]any `json:"data"`
		Plan struct {
			Action   string                    `json:"action"`
			DryRun   bool                      `json:"dry_run"`
			Diff     map[string]map[string]any `json:"diff"`
			Warnings []string                  `json:"warnings"`
		} `json:"plan"`
	}
	r.Decode(t, &answer)
	sandboxtest.WantString(t, answer.Data, "id", "")
	sandboxtest.WantString(t, answer.Data, "version", float64(1))
	sandboxtest.WantString(t, answer.Data, "display_name", "planned")
	sandboxtest.WantString(t, answer.Data, "credential_status", "connected")
	if answer.Plan.Action != "create" || !answer.Plan.DryRun {
		t.Errorf("plan %+v", answer.Plan)
	}
	wantDiff := []string{"config.api_endpoint", "config.api_key", "config.app_id", "config.user_alias_label", "config.user_id_mapping",
		"display_name", "enabled", "event_filter", "kind", "partner", "property_mappings", "send_events", "send_users"}
	if got := slices.Sorted(maps.Keys(answer.Plan.Diff)); !slices.Equal(got, wantDiff) {
		t.Errorf("diff fields %v, want %v", got, wantDiff)
	}
	for field, entry := range answer.Plan.Diff {
		if v, ok := entry["from"]; !ok || v != nil {
			t.Errorf("diff %s from %v, want null", field, entry["from"])
		}
	}
	if to := answer.Plan.Diff["config.api_key"]["to"]; to != "(write-only)" {
		t.Errorf("config.api_key to %v", to)
	}
	if to := answer.Plan.Diff["display_name"]["to"]; to != "planned" {
		t.Errorf("display_name to %v", to)
	}
	wantWarnings := []string{
		"enabled is false: the destination will not send anything",
		"user_alias_label is set but no mapping uses user_alias: it is ignored",
		"event_filter names events the project's taxonomy does not have: Checkout, Refund",
	}
	if !slices.Equal(answer.Plan.Warnings, wantWarnings) {
		t.Errorf("warnings %q, want %q", answer.Plan.Warnings, wantWarnings)
	}
	// Nothing written, but the request counted.
	stats := f.Sandbox.Stats()
	if stats.Objects["destinations"] != 0 || stats.Requests.ByRoute["POST /developer-api/v1/projects/{project_id}/destinations"] != 1 {
		t.Errorf("stats %+v", stats)
	}

	t.Run("a plan without warnings", func(t *testing.T) {
		var clean struct {
			Plan map[string]any `json:"plan"`
		}
		f.Developer("POST", sandboxtest.DestinationsPath+"?dry_run=true", sandboxtest.BrazeCohorts("c")).Decode(t, &clean)
		if sandboxtest.MustJSON(t, clean.Plan["warnings"]) != "[]" {
			t.Errorf("warnings %v", clean.Plan["warnings"])
		}
		var both struct {
			Plan struct{ Warnings []string } `json:"plan"`
		}
		f.Developer("POST", sandboxtest.DestinationsPath+"?dry_run=true", sandboxtest.Set(sandboxtest.Set(sandboxtest.BrazeStream("quiet"), "send_events", false), "send_users", false)).Decode(t, &both)
		if len(both.Plan.Warnings) != 1 || !strings.Contains(both.Plan.Warnings[0], "send_events and send_users are both false") {
			t.Errorf("warnings %q", both.Plan.Warnings)
		}
	})
	t.Run("dry_run takes true or false", func(t *testing.T) {
		f.Developer("POST", sandboxtest.DestinationsPath+"?dry_run=yes", sandboxtest.BrazeCohorts("c")).WantFieldProblem(t, http.StatusBadRequest, "dry_run", "invalid_value", "")
		f.Developer("POST", sandboxtest.DestinationsPath+"?dry_run=false", sandboxtest.BrazeCohorts("c")).WantStatus(t, http.StatusCreated)
	})
}

func TestDestinationDryRunUpdate(t *testing.T) {
	f := start(t)
	_, other := f.CreateKey([]string{"users.track"}, nil)
	id := f.CreateDestination(sandboxtest.BrazeStream("s"))["id"].(string)
	path := sandboxtest.DestinationsPath + "/" + id + "?dry_run=true"
	type plan struct {
		Data map[string]any `json:"data"`
		Plan struct {
			Action string                    `json:"action"`
			Diff   map[string]map[string]any `json:"diff"`
		} `json:"plan"`
	}
	dryRun := func(body any) plan {
		t.Helper()
		r := f.Developer("PATCH", path, body)
		r.WantStatus(t, http.StatusOK)
		var p plan
		r.Decode(t, &p)
		return p
	}

	p := dryRun(map[string]any{"display_name": "renamed", "config": map[string]any{"api_key": other, "app_id": brazeapi.AppID}, "event_filter": nil})
	if p.Plan.Action != "update" || len(p.Plan.Diff) != 3 {
		t.Fatalf("plan %+v", p.Plan)
	}
	if got := sandboxtest.MustJSON(t, p.Plan.Diff["display_name"]); got != `{"from":"s","to":"renamed"}` {
		t.Errorf("display_name diff %s", got)
	}
	if got := sandboxtest.MustJSON(t, p.Plan.Diff["config.api_key"]); got != `{"from":"(write-only)","to":"(write-only)"}` {
		t.Errorf("config.api_key diff %s", got)
	}
	if got := p.Plan.Diff["event_filter"]; got["from"] == nil || got["to"] != nil {
		t.Errorf("event_filter diff %v", got)
	}
	sandboxtest.WantString(t, p.Data, "version", float64(2))
	sandboxtest.WantString(t, p.Data, "display_name", "renamed")
	sandboxtest.WantString(t, p.Data, "id", id)

	stored := f.GetDestination(id)
	sandboxtest.WantString(t, stored, "version", float64(1))
	sandboxtest.WantString(t, stored, "display_name", "s")

	p = dryRun(map[string]any{"config": map[string]any{"api_key": brazeapi.AdminKey}, "display_name": "s"})
	if p.Plan.Action != "noop" || len(p.Plan.Diff) != 0 {
		t.Errorf("plan of no change %+v", p.Plan)
	}
	sandboxtest.WantString(t, p.Data, "version", float64(1))

	f.Developer("PATCH", path, map[string]any{"config": map[string]any{"app_id": nil}}).
		WantFieldProblem(t, http.StatusUnprocessableEntity, "config.app_id", "required", "")
	p = dryRun(map[string]any{"config": map[string]any{"user_alias_label": "amp"}})
	if got := sandboxtest.MustJSON(t, p.Plan.Diff["config.user_alias_label"]); got != `{"from":null,"to":"amp"}` {
		t.Errorf("diff %s", got)
	}
}

// credential_status reads the Braze key's state now: it turns disconnected
// when the key is deleted in Braze, and the key is tested again whenever a
// write sends one.
func TestDestinationCredentialStatus(t *testing.T) {
	f := start(t)
	keyID, key := f.CreateKey([]string{"users.track"}, nil)
	id := f.CreateDestination(sandboxtest.Set(sandboxtest.BrazeStream("s"), "config.api_key", key))["id"].(string)
	path := sandboxtest.DestinationsPath + "/" + id
	sandboxtest.WantString(t, f.GetDestination(id), "credential_status", "connected")

	f.Braze(brazeapi.AdminKey, "DELETE", "/api_keys/delete", map[string]any{"api_key_id": keyID}).WantStatus(t, http.StatusOK)
	sandboxtest.WantString(t, f.GetDestination(id), "credential_status", "disconnected")
	sandboxtest.WantString(t, f.Developer("GET", sandboxtest.DestinationsPath, nil).Page(t).Data[0], "credential_status", "disconnected")

	test := f.Developer("POST", path+"/test", nil)
	test.WantStatus(t, http.StatusOK)
	if got := sandboxtest.MustJSON(t, test.Data(t)); got != `{"detail":"Braze rejected the API key: it does not exist","example_payload":null,"ok":false}` {
		t.Errorf("test %s", got)
	}

	// A write that does not send the key is not held up by it...
	r := f.Developer("PATCH", path, map[string]any{"display_name": "renamed"})
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantString(t, r.Data(t), "credential_status", "disconnected")
	// ...one that sends it is, the same key again included...
	f.Developer("PATCH", path, map[string]any{"config": map[string]any{"api_key": key}}).
		WantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "credential_rejected", "it does not exist")
	f.Developer("PATCH", path+"?dry_run=true", map[string]any{"config": map[string]any{"api_key": key}}).
		WantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "credential_rejected", "it does not exist")
	// ...and a good key connects it again.
	r = f.Developer("PATCH", path, map[string]any{"config": map[string]any{"api_key": brazeapi.AdminKey}})
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantString(t, r.Data(t), "credential_status", "connected")
	sandboxtest.WantString(t, r.Data(t), "version", float64(3))
}

// A key that no longer holds users.track disconnects its destinations.
// Braze keys cannot be edited, so only a state file can make one.
func TestDestinationCredentialStatusWithoutUsersTrack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	c := sandboxtest.NewClock()
	opts := core.Options{Now: c.Now, StatePath: path}
	first := startWith(t, opts, c)
	_, key := first.CreateKey([]string{"users.track", "api_keys.list"}, nil)
	id := first.CreateDestination(sandboxtest.Set(sandboxtest.BrazeStream("s"), "config.api_key", key))["id"].(string)
	first.HTTP.Close()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	for _, k := range file["state"].(map[string]any)["braze"].(map[string]any)["api_keys"].([]any) {
		if k := k.(map[string]any); k["key"] == key {
			k["permissions"] = []any{"api_keys.list"}
		}
	}
	if data, err = json.Marshal(file); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}

	second := startWith(t, opts, c)
	sandboxtest.WantString(t, second.GetDestination(id), "credential_status", "disconnected")
	test := second.Developer("POST", sandboxtest.DestinationsPath+"/"+id+"/test", nil)
	sandboxtest.WantString(t, test.Data(t), "detail", "Braze rejected the API key: it lacks the users.track permission")
}

// Saving a Braze event stream tests its key against the sandbox's Braze,
// as Amplitude does.
func TestDestinationKeyCheck(t *testing.T) {
	f := start(t)
	_, noTrack := f.CreateKey([]string{"api_keys.list"}, nil)
	_, onlyLocal := f.CreateKey([]string{"users.track"}, []string{"127.0.0.1"})
	_, usEgress := f.CreateKey([]string{"users.track"}, []string{"52.33.3.219", "35.162.216.242", "52.27.10.0/24"})
	_, partialEgress := f.CreateKey([]string{"users.track"}, []string{"52.33.3.219", "3.124.22.25"})
	id := f.CreateDestination(sandboxtest.BrazeStream("s"))["id"].(string)
	tests := []struct {
		name string
		key  string
		want string
	}{
		{"unknown key", "no-such-key", "Braze rejected the API key: it does not exist"},
		{"key without users.track", noTrack, "Braze rejected the API key: it lacks the users.track permission"},
		{"key not admitting Amplitude", onlyLocal, "its allowed IPs admit no Amplitude region's egress IPs (EU: 3.124.22.25"},
		{"key admitting part of each region", partialEgress, "its allowed IPs admit no Amplitude region's egress IPs"},
		{"key admitting one region", usEgress, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			create := f.Developer("POST", sandboxtest.DestinationsPath, sandboxtest.Set(sandboxtest.BrazeStream(tt.name), "config.api_key", tt.key))
			update := f.Developer("PATCH", sandboxtest.DestinationsPath+"/"+id, map[string]any{"config": map[string]any{"api_key": tt.key}})
			if tt.want == "" {
				create.WantStatus(t, http.StatusCreated)
				update.WantStatus(t, http.StatusOK)
				return
			}
			create.WantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "credential_rejected", tt.want)
			update.WantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "credential_rejected", tt.want)
		})
	}
}

func TestDestinationTest(t *testing.T) {
	f := start(t)
	stream, cohorts := f.Destinations()
	alias := sandboxtest.Set(sandboxtest.Set(sandboxtest.BrazeStream("alias"), "kind", []any{"identify"}), "event_filter", sandboxtest.Absent)
	sandboxtest.Set(alias, "config.user_id_mapping", mapping("user_id", "user_alias"))
	sandboxtest.Set(alias, "config.user_alias_label", "amp")
	sandboxtest.Set(alias, "config.update_users_only", true)
	aliasID := f.CreateDestination(alias)["id"].(string)
	hook := f.CreateDestination(sandboxtest.Webhook("hook"))["id"].(string)
	test := func(id string) map[string]any {
		t.Helper()
		r := f.Developer("POST", sandboxtest.DestinationsPath+"/"+id+"/test", nil)
		r.WantStatus(t, http.StatusOK)
		return r.Data(t)
	}
	now := sandboxtest.Epoch.Format(time.RFC3339)
	for _, tt := range []struct {
		id, payload string
	}{
		{stream, `{"attributes":[{"_update_existing_only":false,"external_id":"amplitude-test-user"}],"events":[{"external_id":"amplitude-test-user","name":"Amplitude Test Event","time":"` + now + `"}]}`},
		{aliasID, `{"attributes":[{"_update_existing_only":true,"user_alias":{"alias_label":"amp","alias_name":"amplitude-test-user"}}]}`},
		{hook, `{"events":[{"event_type":"Amplitude Test Event","time":"` + now + `","user_id":"amplitude-test-user"}]}`},
	} {
		got := test(tt.id)
		sandboxtest.WantString(t, got, "ok", true)
		sandboxtest.WantString(t, got, "detail", nil)
		if payload := sandboxtest.MustJSON(t, got["example_payload"]); payload != tt.payload {
			t.Errorf("example_payload %s, want %s", payload, tt.payload)
		}
	}
	f.Developer("POST", sandboxtest.DestinationsPath+"/"+cohorts+"/test", nil).WantProblem(t, http.StatusUnprocessableEntity, "invalid_config", "test is for event streaming destinations")
	f.Developer("POST", sandboxtest.DestinationsPath+"/nope/test", nil).WantProblem(t, http.StatusNotFound, "not_found", "")
	// Testing changes nothing.
	sandboxtest.WantString(t, f.GetDestination(stream), "version", float64(1))
}

// The control endpoint is no vendor API: never counted, never faulted.
func TestRemoveDestinationControl(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.Webhook("w"))["id"].(string)
	f.Sandbox.SetFaults(core.Faults{ErrorRate: 1, RateLimitPerSecond: 1})
	before := f.Sandbox.Stats().Requests
	r := f.Control("DELETE", "/destinations/"+id, nil)
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantJSON(t, r.Body, `{"status":"ok","removed_syncs":0}`)
	if after := f.Sandbox.Stats(); after.Objects["destinations"] != 0 || sandboxtest.MustJSON(t, after.Requests) != sandboxtest.MustJSON(t, before) {
		t.Errorf("stats %+v", after)
	}
	f.Sandbox.SetFaults(core.Faults{})
	f.Developer("GET", sandboxtest.DestinationsPath+"/"+id, nil).WantProblem(t, http.StatusNotFound, "not_found", "")
}
