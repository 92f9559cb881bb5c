package sandbox_test

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

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// destinationFields are the fields of every destination the API answers.
var destinationFields = []string{
	"id", "object", "project_id", "partner", "display_name", "kind", "config", "credential_status", "version",
	"enabled", "paused", "event_filter", "property_mappings", "send_events", "send_users",
	"created_at", "updated_at", "created_by", "updated_by",
}

func TestDestinationCreateAndGet(t *testing.T) {
	created := epoch.Format(time.RFC3339)
	tests := []struct {
		name string
		body map[string]any
		want map[string]string // field → its JSON
	}{
		{
			name: "braze event stream",
			body: brazeStream("stream"),
			want: map[string]string{
				"partner": `"braze"`, "display_name": `"stream"`, "kind": `["event","identify"]`,
				"config": `{"api_endpoint":"https://rest.iad-05.braze.com","app_id":"` + sandbox.BrazeAppID +
					`","user_id_mapping":{"amplitude_property":"user_id","braze_identifier":"external_id"}}`,
				"enabled": "true", "paused": "false", "send_events": "true", "send_users": "true",
				"event_filter":      `{"events":["Purchase"],"property_filters":{"conditions":[{"operator":"is","property":"country","values":["US"]}]}}`,
				"property_mappings": `{"event_properties":["price"],"user_properties":["plan"]}`,
			},
		},
		{
			name: "braze cohorts",
			body: brazeCohorts("cohorts"),
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
			body: webhook("hook"),
			want: map[string]string{
				"partner": `"webhook"`, "kind": `["event"]`,
				"config":  `{"batch_size":100,"format":"ndjson","headers":{"X-Team":"growth"},"url":"https://hooks.example.com/amplitude"}`,
				"enabled": "true", "send_events": "true", "send_users": "false", "event_filter": "null", "property_mappings": "null",
			},
		},
		{
			name: "kind in any order, answered in one",
			body: set(set(brazeStream("ordered"), "kind", []any{"identify", "event"}), "enabled", false),
			want: map[string]string{"kind": `["event","identify"]`, "enabled": "false", "paused": "true"},
		},
		{
			name: "identify only, sending users",
			body: set(set(brazeStream("users"), "kind", []any{"identify"}), "event_filter", absent),
			want: map[string]string{"kind": `["identify"]`, "send_events": "false", "send_users": "true", "event_filter": "null"},
		},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.developer("POST", destinationsPath, tt.body)
			r.wantStatus(t, http.StatusCreated)
			if ct := r.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			got := r.data(t)
			read := f.getDestination(got["id"].(string))
			if mustJSON(t, read) != mustJSON(t, got) {
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
					if got := mustJSON(t, read[field]); got != v {
						t.Errorf("%s = %s, want %s", field, got, v)
					}
				}
			}
		})
	}
	// display_name is no identity: the same create makes a second one.
	a := f.createDestination(webhook("same"))["id"]
	b := f.createDestination(webhook("same"))["id"]
	if a == b {
		t.Error("two creates made one destination")
	}
	f.developer("GET", destinationsPath+"/nope", nil).wantProblem(t, http.StatusNotFound, "not_found", "no destination nope in project 424242")
}

// Secrets are write-only: no answer carries one, whatever the route.
func TestDestinationSecretsNeverReturned(t *testing.T) {
	f := start(t)
	_, key := f.createKey([]string{"users.track"}, nil)
	stream := f.createDestination(set(brazeStream("s"), "config.api_key", key))["id"].(string)
	cohorts := f.createDestination(brazeCohorts("c"))["id"].(string)
	hook := f.createDestination(webhook("w"))["id"].(string)
	secrets := []string{key, sandbox.BrazeAdminKey, "import-key-1234", "hook-secret-5678", "new-import-key"}

	answers := []response{
		f.developer("POST", destinationsPath, set(brazeStream("s2"), "config.api_key", key)),
		f.developer("POST", destinationsPath+"?dry_run=true", set(brazeStream("s3"), "config.api_key", key)),
		f.developer("GET", destinationsPath, nil),
		f.developer("GET", destinationsPath+"/"+stream, nil),
		f.developer("GET", destinationsPath+"/"+cohorts, nil),
		f.developer("GET", destinationsPath+"/"+hook, nil),
		f.developer("PATCH", destinationsPath+"/"+stream, map[string]any{"config": map[string]any{"api_key": sandbox.BrazeAdminKey}}),
		f.developer("PATCH", destinationsPath+"/"+cohorts+"?dry_run=true", map[string]any{"config": map[string]any{"data_import_key": "new-import-key"}}),
		f.developer("PATCH", destinationsPath+"/"+hook, map[string]any{"config": map[string]any{"auth_token": "new-import-key"}}),
		f.developer("POST", destinationsPath+"/"+stream+"/test", nil),
	}
	for i, r := range answers {
		if r.status >= 300 {
			t.Errorf("answer %d: %d %s", i, r.status, r.body)
		}
		for _, secret := range secrets {
			if strings.Contains(string(r.body), secret) {
				t.Errorf("answer %d shows the secret %s: %s", i, secret, r.body)
			}
		}
	}
	// The secrets are kept all the same.
	if got := f.getDestination(hook)["version"]; got != float64(2) {
		t.Errorf("a new auth_token should be a change; version %v", got)
	}
}

func TestDestinationUpdate(t *testing.T) {
	f := start(t)
	id := f.createDestination(brazeStream("before"))["id"].(string)
	path := destinationsPath + "/" + id
	patch := func(body any) map[string]any {
		t.Helper()
		r := f.developer("PATCH", path, body)
		r.wantStatus(t, http.StatusOK)
		return r.data(t)
	}
	f.clock.advance(time.Minute)
	later := epoch.Add(time.Minute).Format(time.RFC3339)

	got := patch(map[string]any{"display_name": "after", "enabled": false})
	wantString(t, got, "display_name", "after")
	wantString(t, got, "enabled", false)
	wantString(t, got, "paused", true)
	wantString(t, got, "version", float64(2))
	wantString(t, got, "updated_at", later)
	wantString(t, got, "created_at", epoch.Format(time.RFC3339))
	wantString(t, got, "send_events", true) // absent: unchanged

	t.Run("a PATCH that changes nothing keeps the version", func(t *testing.T) {
		f.clock.advance(time.Minute)
		for _, body := range []map[string]any{
			{},
			{"display_name": "after", "kind": []any{"identify", "event"}},
			// The same secret again is no change.
			{"config": map[string]any{"api_key": sandbox.BrazeAdminKey, "app_id": sandbox.BrazeAppID}},
			{"event_filter": map[string]any{"events": []any{"Purchase"}, "property_filters": map[string]any{"conditions": []any{
				map[string]any{"property": "country", "operator": "is", "values": []any{"US"}},
			}}}},
		} {
			got := patch(body)
			wantString(t, got, "version", float64(2))
			wantString(t, got, "updated_at", later)
		}
	})

	t.Run("config is merged key by key; null removes a key", func(t *testing.T) {
		got := patch(map[string]any{"config": map[string]any{"user_alias_label": "amp", "update_users_only": true}})
		config := mustJSON(t, got["config"])
		for _, want := range []string{`"app_id"`, `"api_endpoint"`, `"user_id_mapping"`, `"user_alias_label":"amp"`, `"update_users_only":true`} {
			if !strings.Contains(config, want) {
				t.Errorf("config %s lacks %s", config, want)
			}
		}
		wantString(t, got, "version", float64(3))
		got = patch(map[string]any{"config": map[string]any{"user_alias_label": nil, "not_a_parameter": nil}})
		if config := mustJSON(t, got["config"]); strings.Contains(config, "user_alias_label") {
			t.Errorf("config %s kept the removed key", config)
		}
		wantString(t, got, "version", float64(4))
		// Removing what the destination needs is refused, as a create
		// without it would be.
		f.developer("PATCH", path, map[string]any{"config": map[string]any{"app_id": nil}}).
			wantFieldProblem(t, http.StatusUnprocessableEntity, "config.app_id", "required", "")
		f.developer("PATCH", path, map[string]any{"config": map[string]any{"api_key": nil}}).
			wantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "required", "")
	})

	t.Run("null clears event_filter and property_mappings", func(t *testing.T) {
		got := patch(map[string]any{"event_filter": nil, "property_mappings": nil})
		wantString(t, got, "event_filter", nil)
		wantString(t, got, "property_mappings", nil)
		wantString(t, got, "version", float64(5))
	})

	t.Run("refusals", func(t *testing.T) {
		f.developer("PATCH", path, map[string]any{"partner": "braze"}).wantFieldProblem(t, http.StatusBadRequest, "partner", "unknown_field", "partner cannot change")
		f.developer("PATCH", path, map[string]any{"version": 5}).wantFieldProblem(t, http.StatusBadRequest, "version", "unknown_field", "")
		f.developer("PATCH", path, map[string]any{"display_name": ""}).wantFieldProblem(t, http.StatusBadRequest, "display_name", "too_short", "")
		f.developer("PATCH", path, map[string]any{"kind": []any{"cohort"}}).
			wantFieldProblem(t, http.StatusUnprocessableEntity, "kind", "not_allowed", "kind cannot change from event, identify (event streaming) to cohort (cohort)")
		f.developer("PATCH", path, map[string]any{"kind": []any{"event"}}).
			wantFieldProblem(t, http.StatusUnprocessableEntity, "send_users", "invalid_value", "send_users is true but kind has no identify")
		f.developer("PATCH", destinationsPath+"/nope", map[string]any{}).wantProblem(t, http.StatusNotFound, "not_found", "no destination nope")
		wantString(t, f.getDestination(id), "version", float64(5))
	})

	t.Run("kind within its family", func(t *testing.T) {
		got := patch(map[string]any{"kind": []any{"event"}, "send_users": false})
		wantString(t, got, "version", float64(6))
		if mustJSON(t, got["kind"]) != `["event"]` {
			t.Errorf("kind %v", got["kind"])
		}
	})
}

func TestDestinationCohortUpdate(t *testing.T) {
	f := start(t)
	id := f.createDestination(brazeCohorts("c"))["id"].(string)
	path := destinationsPath + "/" + id
	r := f.developer("PATCH", path, map[string]any{"config": map[string]any{
		"identifier_mappings": []any{mapping("alias", "user_alias")}, "user_alias_label": "amp",
	}})
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.data(t), "version", float64(2))
	f.developer("PATCH", path, map[string]any{"enabled": false}).wantFieldProblem(t, http.StatusUnprocessableEntity, "enabled", "not_allowed", "")
	f.developer("PATCH", path, map[string]any{"config": map[string]any{"user_alias_label": nil}}).
		wantFieldProblem(t, http.StatusUnprocessableEntity, "config.user_alias_label", "required", "")
	f.developer("PATCH", path, map[string]any{"kind": []any{"event"}}).wantFieldProblem(t, http.StatusUnprocessableEntity, "kind", "not_allowed", "cannot change")
}

func TestDestinationIfMatch(t *testing.T) {
	f := start(t)
	id := f.createDestination(webhook("w"))["id"].(string)
	path := sandbox.DeveloperAPIPath + destinationsPath + "/" + id
	admin := developerAuth(sandbox.DeveloperAPIAdminToken)
	patch := func(ifMatch string, body any, query string) response {
		return f.send("PATCH", path+query, body, func(r *http.Request) {
			admin(r)
			if ifMatch != "" {
				r.Header.Set("If-Match", ifMatch)
			}
		})
	}
	r := patch("1", map[string]any{"display_name": "two"}, "")
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.data(t), "version", float64(2))

	// Someone else's change came first.
	p := patch("1", map[string]any{"display_name": "three"}, "").
		wantProblem(t, http.StatusPreconditionFailed, "version_mismatch", "destination "+id+" is at version 2; the request expected 1")
	if p.Retryable {
		t.Error("a 412 is not retryable")
	}
	// Before validation, and in a dry run too.
	patch("1", map[string]any{"config": map[string]any{"url": "http://x"}}, "").wantProblem(t, http.StatusPreconditionFailed, "version_mismatch", "")
	patch("7", map[string]any{"display_name": "three"}, "?dry_run=true").wantProblem(t, http.StatusPreconditionFailed, "version_mismatch", "expected 7")
	wantString(t, f.getDestination(id), "display_name", "two")

	for _, bad := range []string{`"2"`, `W/"2"`, "two", "-1", "+2", "2.0"} {
		patch(bad, map[string]any{"display_name": "three"}, "").wantFieldProblem(t, http.StatusBadRequest, "If-Match", "invalid_value", "as a bare integer")
	}
	r = patch(" 2 ", map[string]any{"display_name": "three"}, "")
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.data(t), "version", float64(3))
}

func TestDestinationDryRunCreate(t *testing.T) {
	f := start(t)
	body := set(brazeStream("planned"), "config.user_alias_label", "amp")
	body["event_filter"] = map[string]any{"events": []any{"Purchase", "Checkout", "Refund"}}
	body["enabled"] = false
	r := f.developer("POST", destinationsPath+"?dry_run=true", body)
	r.wantStatus(t, http.StatusOK)
	var answer struct {
		Data map[string]any `json:"data"`
		Plan struct {
			Action   string                    `json:"action"`
			DryRun   bool                      `json:"dry_run"`
			Diff     map[string]map[string]any `json:"diff"`
			Warnings []string                  `json:"warnings"`
		} `json:"plan"`
	}
	r.decode(t, &answer)
	wantString(t, answer.Data, "id", "")
	wantString(t, answer.Data, "version", float64(1))
	wantString(t, answer.Data, "display_name", "planned")
	wantString(t, answer.Data, "credential_status", "connected")
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
	stats := f.server.Stats()
	if stats.Objects.Destinations != 0 || stats.Requests.ByRoute["POST /developer-api/v1/projects/{project_id}/destinations"] != 1 {
		t.Errorf("stats %+v", stats)
	}

	t.Run("a plan without warnings", func(t *testing.T) {
		var clean struct {
			Plan map[string]any `json:"plan"`
		}
		f.developer("POST", destinationsPath+"?dry_run=true", brazeCohorts("c")).decode(t, &clean)
		if mustJSON(t, clean.Plan["warnings"]) != "[]" {
			t.Errorf("warnings %v", clean.Plan["warnings"])
		}
		var both struct {
			Plan struct{ Warnings []string } `json:"plan"`
		}
		f.developer("POST", destinationsPath+"?dry_run=true", set(set(brazeStream("quiet"), "send_events", false), "send_users", false)).decode(t, &both)
		if len(both.Plan.Warnings) != 1 || !strings.Contains(both.Plan.Warnings[0], "send_events and send_users are both false") {
			t.Errorf("warnings %q", both.Plan.Warnings)
		}
	})
	t.Run("dry_run takes true or false", func(t *testing.T) {
		f.developer("POST", destinationsPath+"?dry_run=yes", brazeCohorts("c")).wantFieldProblem(t, http.StatusBadRequest, "dry_run", "invalid_value", "")
		f.developer("POST", destinationsPath+"?dry_run=false", brazeCohorts("c")).wantStatus(t, http.StatusCreated)
	})
}

func TestDestinationDryRunUpdate(t *testing.T) {
	f := start(t)
	_, other := f.createKey([]string{"users.track"}, nil)
	id := f.createDestination(brazeStream("s"))["id"].(string)
	path := destinationsPath + "/" + id + "?dry_run=true"
	type plan struct {
		Data map[string]any `json:"data"`
		Plan struct {
			Action string                    `json:"action"`
			Diff   map[string]map[string]any `json:"diff"`
		} `json:"plan"`
	}
	dryRun := func(body any) plan {
		t.Helper()
		r := f.developer("PATCH", path, body)
		r.wantStatus(t, http.StatusOK)
		var p plan
		r.decode(t, &p)
		return p
	}

	p := dryRun(map[string]any{"display_name": "renamed", "config": map[string]any{"api_key": other, "app_id": sandbox.BrazeAppID}, "event_filter": nil})
	if p.Plan.Action != "update" || len(p.Plan.Diff) != 3 {
		t.Fatalf("plan %+v", p.Plan)
	}
	if got := mustJSON(t, p.Plan.Diff["display_name"]); got != `{"from":"s","to":"renamed"}` {
		t.Errorf("display_name diff %s", got)
	}
	if got := mustJSON(t, p.Plan.Diff["config.api_key"]); got != `{"from":"(write-only)","to":"(write-only)"}` {
		t.Errorf("config.api_key diff %s", got)
	}
	if got := p.Plan.Diff["event_filter"]; got["from"] == nil || got["to"] != nil {
		t.Errorf("event_filter diff %v", got)
	}
	wantString(t, p.Data, "version", float64(2))
	wantString(t, p.Data, "display_name", "renamed")
	wantString(t, p.Data, "id", id)

	stored := f.getDestination(id)
	wantString(t, stored, "version", float64(1))
	wantString(t, stored, "display_name", "s")

	p = dryRun(map[string]any{"config": map[string]any{"api_key": sandbox.BrazeAdminKey}, "display_name": "s"})
	if p.Plan.Action != "noop" || len(p.Plan.Diff) != 0 {
		t.Errorf("plan of no change %+v", p.Plan)
	}
	wantString(t, p.Data, "version", float64(1))

	f.developer("PATCH", path, map[string]any{"config": map[string]any{"app_id": nil}}).
		wantFieldProblem(t, http.StatusUnprocessableEntity, "config.app_id", "required", "")
	p = dryRun(map[string]any{"config": map[string]any{"user_alias_label": "amp"}})
	if got := mustJSON(t, p.Plan.Diff["config.user_alias_label"]); got != `{"from":null,"to":"amp"}` {
		t.Errorf("diff %s", got)
	}
}

// credential_status reads the Braze key's state now: it turns disconnected
// when the key is deleted in Braze, and the key is tested again whenever a
// write sends one.
func TestDestinationCredentialStatus(t *testing.T) {
	f := start(t)
	keyID, key := f.createKey([]string{"users.track"}, nil)
	id := f.createDestination(set(brazeStream("s"), "config.api_key", key))["id"].(string)
	path := destinationsPath + "/" + id
	wantString(t, f.getDestination(id), "credential_status", "connected")

	f.braze(sandbox.BrazeAdminKey, "DELETE", "/api_keys/delete", map[string]any{"api_key_id": keyID}).wantStatus(t, http.StatusOK)
	wantString(t, f.getDestination(id), "credential_status", "disconnected")
	wantString(t, f.developer("GET", destinationsPath, nil).page(t).Data[0], "credential_status", "disconnected")

	test := f.developer("POST", path+"/test", nil)
	test.wantStatus(t, http.StatusOK)
	if got := mustJSON(t, test.data(t)); got != `{"detail":"Braze rejected the API key: it does not exist","example_payload":null,"ok":false}` {
		t.Errorf("test %s", got)
	}

	// A write that does not send the key is not held up by it...
	r := f.developer("PATCH", path, map[string]any{"display_name": "renamed"})
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.data(t), "credential_status", "disconnected")
	// ...one that sends it is, the same key again included...
	f.developer("PATCH", path, map[string]any{"config": map[string]any{"api_key": key}}).
		wantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "credential_rejected", "it does not exist")
	f.developer("PATCH", path+"?dry_run=true", map[string]any{"config": map[string]any{"api_key": key}}).
		wantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "credential_rejected", "it does not exist")
	// ...and a good key connects it again.
	r = f.developer("PATCH", path, map[string]any{"config": map[string]any{"api_key": sandbox.BrazeAdminKey}})
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.data(t), "credential_status", "connected")
	wantString(t, r.data(t), "version", float64(3))
}

// A key that no longer holds users.track disconnects its destinations.
// Braze keys cannot be edited, so only a state file can make one.
func TestDestinationCredentialStatusWithoutUsersTrack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	c := newClock()
	opts := sandbox.Options{Now: c.Now, StatePath: path}
	first := startWith(t, opts, c)
	_, key := first.createKey([]string{"users.track", "api_keys.list"}, nil)
	id := first.createDestination(set(brazeStream("s"), "config.api_key", key))["id"].(string)
	first.http.Close()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	for _, k := range file["state"].(map[string]any)["api_keys"].([]any) {
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
	wantString(t, second.getDestination(id), "credential_status", "disconnected")
	test := second.developer("POST", destinationsPath+"/"+id+"/test", nil)
	wantString(t, test.data(t), "detail", "Braze rejected the API key: it lacks the users.track permission")
}

// Saving a Braze event stream tests its key against the sandbox's Braze,
// as Amplitude does.
func TestDestinationKeyCheck(t *testing.T) {
	f := start(t)
	_, noTrack := f.createKey([]string{"api_keys.list"}, nil)
	_, onlyLocal := f.createKey([]string{"users.track"}, []string{"127.0.0.1"})
	_, usEgress := f.createKey([]string{"users.track"}, []string{"52.33.3.219", "35.162.216.242", "52.27.10.0/24"})
	_, partialEgress := f.createKey([]string{"users.track"}, []string{"52.33.3.219", "3.124.22.25"})
	id := f.createDestination(brazeStream("s"))["id"].(string)
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
			create := f.developer("POST", destinationsPath, set(brazeStream(tt.name), "config.api_key", tt.key))
			update := f.developer("PATCH", destinationsPath+"/"+id, map[string]any{"config": map[string]any{"api_key": tt.key}})
			if tt.want == "" {
				create.wantStatus(t, http.StatusCreated)
				update.wantStatus(t, http.StatusOK)
				return
			}
			create.wantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "credential_rejected", tt.want)
			update.wantFieldProblem(t, http.StatusUnprocessableEntity, "config.api_key", "credential_rejected", tt.want)
		})
	}
}

func TestDestinationTest(t *testing.T) {
	f := start(t)
	stream, cohorts := f.destinations()
	alias := set(set(brazeStream("alias"), "kind", []any{"identify"}), "event_filter", absent)
	set(alias, "config.user_id_mapping", mapping("user_id", "user_alias"))
	set(alias, "config.user_alias_label", "amp")
	set(alias, "config.update_users_only", true)
	aliasID := f.createDestination(alias)["id"].(string)
	hook := f.createDestination(webhook("hook"))["id"].(string)
	test := func(id string) map[string]any {
		t.Helper()
		r := f.developer("POST", destinationsPath+"/"+id+"/test", nil)
		r.wantStatus(t, http.StatusOK)
		return r.data(t)
	}
	now := epoch.Format(time.RFC3339)
	for _, tt := range []struct {
		id, payload string
	}{
		{stream, `{"attributes":[{"_update_existing_only":false,"external_id":"amplitude-test-user"}],"events":[{"external_id":"amplitude-test-user","name":"Amplitude Test Event","time":"` + now + `"}]}`},
		{aliasID, `{"attributes":[{"_update_existing_only":true,"user_alias":{"alias_label":"amp","alias_name":"amplitude-test-user"}}]}`},
		{hook, `{"events":[{"event_type":"Amplitude Test Event","time":"` + now + `","user_id":"amplitude-test-user"}]}`},
	} {
		got := test(tt.id)
		wantString(t, got, "ok", true)
		wantString(t, got, "detail", nil)
		if payload := mustJSON(t, got["example_payload"]); payload != tt.payload {
			t.Errorf("example_payload %s, want %s", payload, tt.payload)
		}
	}
	f.developer("POST", destinationsPath+"/"+cohorts+"/test", nil).wantProblem(t, http.StatusUnprocessableEntity, "invalid_config", "test is for event streaming destinations")
	f.developer("POST", destinationsPath+"/nope/test", nil).wantProblem(t, http.StatusNotFound, "not_found", "")
	// Testing changes nothing.
	wantString(t, f.getDestination(stream), "version", float64(1))
}

// The control endpoint is no vendor API: never counted, never faulted.
func TestRemoveDestinationControl(t *testing.T) {
	f := start(t)
	id := f.createDestination(webhook("w"))["id"].(string)
	f.server.SetFaults(sandbox.Faults{ErrorRate: 1, RateLimitPerSecond: 1})
	before := f.server.Stats().Requests
	r := f.control("DELETE", "/destinations/"+id, nil)
	r.wantStatus(t, http.StatusOK)
	if string(r.body) != `{"status":"ok","removed_syncs":0}`+"\n" {
		t.Errorf("body %s", r.body)
	}
	if after := f.server.Stats(); after.Objects.Destinations != 0 || mustJSON(t, after.Requests) != mustJSON(t, before) {
		t.Errorf("stats %+v", after)
	}
	f.server.SetFaults(sandbox.Faults{})
	f.developer("GET", destinationsPath+"/"+id, nil).wantProblem(t, http.StatusNotFound, "not_found", "")
}
