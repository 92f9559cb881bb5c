package sandbox_test

import (
	"net/http"
	"testing"
)

func TestDestinationValidation(t *testing.T) {
	filter := func(operator string, values ...any) []any {
		return []any{map[string]any{"property": "country", "operator": operator, "values": values}}
	}
	mapping := func(identifier string) map[string]any {
		return map[string]any{"amplitude_property": "user_id", "braze_identifier": identifier}
	}
	tests := []struct {
		name string
		body map[string]any
		want string
	}{
		// Common rules.
		{"name missing", set(streamDestination(""), "name", absent), "name is required"},
		{"name blank", streamDestination("  "), "name is required"},
		{"type missing", set(streamDestination("x"), "type", absent), "type is required: one of braze, braze_cohort"},
		{"type unknown", set(streamDestination("x"), "type", "segment"), `type "segment" is not valid: use one of braze, braze_cohort`},
		{"endpoint missing", set(streamDestination("x"), "config.endpoint", absent), "config.endpoint is required"},
		{"endpoint plain http", set(streamDestination("x"), "config.endpoint", "http://rest.iad-01.braze.com"), "must be an https:// URL (plain http:// only for loopback hosts)"},
		{"endpoint not a URL", set(streamDestination("x"), "config.endpoint", "rest.iad-01.braze.com"), "must be an https:// URL"},
		{"endpoint not Braze", set(streamDestination("x"), "config.endpoint", "https://example.com"), `config.endpoint "https://example.com" is not a Braze REST endpoint`},
		{"endpoint unlisted instance", set(streamDestination("x"), "config.endpoint", "https://rest.iad-09.braze.com"), "is not a Braze REST endpoint"},
		{"endpoint loopback not braze path", set(streamDestination("x"), "config.endpoint", "http://127.0.0.1:8089/amplitude"), "is not a Braze REST endpoint"},
		{"cohort endpoint not Braze", set(cohortDestination("x"), "config.endpoint", "https://example.com"), "is not a Braze REST endpoint"},

		// Braze (Event Stream).
		{"api_key missing", set(streamDestination("x"), "config.api_key", absent), "config.api_key is required"},
		{"api_key empty", set(streamDestination("x"), "config.api_key", ""), "config.api_key is required"},
		{"api_key masked", set(streamDestination("x"), "config.api_key", "****-key"), "config.api_key is a masked value"},
		{"app_id missing", set(streamDestination("x"), "config.app_id", absent), "config.app_id is required"},
		{"app_id not a UUID", set(streamDestination("x"), "config.app_id", "my-app"), `config.app_id "my-app" must be a UUID`},
		{"data_import_key on braze", set(streamDestination("x"), "config.data_import_key", "k"), "config.data_import_key must be absent for type braze"},
		{"mappings on braze", set(streamDestination("x"), "mappings", []any{mapping("external_id")}), "mappings must be absent for type braze"},
		{"mapping missing", set(streamDestination("x"), "mapping", absent), "mapping is required for type braze"},
		{"mapping identifier invalid", set(streamDestination("x"), "mapping", mapping("device_id")), `mapping.braze_identifier "device_id" is not valid: use one of external_id, braze_id, user_alias, email`},
		{"mapping property missing", set(streamDestination("x"), "mapping.amplitude_property", ""), "mapping.amplitude_property is required"},
		{"user alias without label", set(streamDestination("x"), "mapping", mapping("user_alias")), "config.user_alias_label is required when mapping.braze_identifier is user_alias"},
		{"nothing sent", set(set(streamDestination("x"), "send_events", absent), "send_users", absent), "at least one of send_events or send_users is required"},
		{"all and some events", set(streamDestination("x"), "send_events.all_events", true), "send_events sets both all_events and events"},
		{"no events", set(streamDestination("x"), "send_events.events", []any{}), "send_events needs all_events: true or a non-empty events list"},
		{"filter operator invalid", set(streamDestination("x"), "send_events.filters", filter("equals", "US")), `send_events.filters[0].operator "equals" is not valid: use one of is, is_not, contains, does_not_contain, greater, less, is_set, is_not_set`},
		{"filter values missing", set(streamDestination("x"), "send_events.filters", filter("is")), "send_events.filters[0].values must list at least one value for operator is"},
		{"filter values on is_set", set(streamDestination("x"), "send_events.filters", filter("is_set", "US")), "send_events.filters[0].values must be empty for operator is_set"},
		{"filter property missing", set(streamDestination("x"), "send_events.filters", []any{map[string]any{"operator": "is_not_set"}}), "send_events.filters[0].property is required"},

		// Braze (Cohort Sync).
		{"data_import_key missing", set(cohortDestination("x"), "config.data_import_key", absent), "config.data_import_key is required"},
		{"api_key on cohort", set(cohortDestination("x"), "config.api_key", "k"), "config.api_key must be absent for type braze_cohort"},
		{"app_id on cohort", set(cohortDestination("x"), "config.app_id", "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"), "config.app_id must be absent for type braze_cohort"},
		{"mapping on cohort", set(cohortDestination("x"), "mapping", mapping("external_id")), "mapping must be absent for type braze_cohort"},
		{"send_events on cohort", set(cohortDestination("x"), "send_events", map[string]any{"all_events": true}), "send_events must be absent for type braze_cohort"},
		{"send_users on cohort", set(cohortDestination("x"), "send_users", map[string]any{}), "send_users must be absent for type braze_cohort"},
		{"mappings missing", set(cohortDestination("x"), "mappings", absent), "mappings is required for type braze_cohort: 1 to 3 entries"},
		{"mappings empty", set(cohortDestination("x"), "mappings", []any{}), "mappings is required for type braze_cohort"},
		{"mappings too many", set(cohortDestination("x"), "mappings", []any{mapping("external_id"), mapping("device_id"), mapping("user_alias"), mapping("external_id")}), "mappings has 4 entries; at most 3 are allowed"},
		{"mappings identifier invalid", set(cohortDestination("x"), "mappings", []any{mapping("email")}), `mappings[0].braze_identifier "email" is not valid: use one of external_id, device_id, user_alias`},
		{"mappings duplicate", set(cohortDestination("x"), "mappings", []any{mapping("external_id"), mapping("external_id")}), `mappings[1].braze_identifier "external_id" repeats mappings[0]`},
		{"mappings user alias without label", set(cohortDestination("x"), "mappings", []any{mapping("user_alias")}), "config.user_alias_label is required when a mapping uses user_alias"},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.amplitude("POST", "/api/2/destinations", tt.body).wantAmplitudeError(t, http.StatusBadRequest, tt.want)
		})
	}
	if got := f.server.Stats().Objects.Destinations; got != 0 {
		t.Errorf("%d destinations stored by refused requests", got)
	}
}

func TestDestinationValidationAccepts(t *testing.T) {
	tests := []struct {
		name string
		body map[string]any
	}{
		{"user alias with label", set(set(streamDestination("x"), "mapping.braze_identifier", "user_alias"), "config.user_alias_label", "amplitude_id")},
		{"all events", set(set(streamDestination("x"), "send_events.all_events", true), "send_events.events", absent)},
		{"users only", set(streamDestination("x"), "send_events", absent)},
		{"is_set without values", set(streamDestination("x"), "send_events.filters", []any{map[string]any{"property": "plan", "operator": "is_set"}})},
		{"cohort with three mappings", set(set(cohortDestination("x"), "mappings", []any{
			map[string]any{"amplitude_property": "user_id", "braze_identifier": "external_id"},
			map[string]any{"amplitude_property": "device_id", "braze_identifier": "device_id"},
			map[string]any{"amplitude_property": "alias", "braze_identifier": "user_alias"},
		}), "config.user_alias_label", "amp")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start(t).amplitude("POST", "/api/2/destinations", tt.body).wantStatus(t, http.StatusOK)
		})
	}
}

// Every broken field is reported at once, so one round trip shows the
// client everything to fix.
func TestDestinationValidationReportsEveryProblem(t *testing.T) {
	f := start(t)
	body := set(set(streamDestination(""), "config.app_id", "bad"), "mapping.braze_identifier", "bad")
	r := f.amplitude("POST", "/api/2/destinations", body)
	r.wantStatus(t, http.StatusBadRequest)
	if n := len(r.amplitude(t).Errors); n != 3 {
		t.Fatalf("%d errors, want 3: %s", n, r.body)
	}
}

func TestDestinationReplaceSecretRules(t *testing.T) {
	f := start(t)
	id := f.createDestination(cohortDestination("c"))["id"].(string)
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"empty", "", "config.data_import_key must not be empty; omit it to keep the stored value"},
		{"masked", "****1234", "config.data_import_key is a masked value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := set(cohortDestination("c"), "config.data_import_key", tt.value)
			f.amplitude("PUT", "/api/2/destinations/"+id, body).wantAmplitudeError(t, http.StatusBadRequest, tt.want)
		})
	}
}
