package destinations_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

// destinationRefusal is a create that must be refused, and where.
type destinationRefusal struct {
	name    string
	body    map[string]any
	status  int
	field   string
	code    string
	message string
}

func mapping(property, identifier string) map[string]any {
	return map[string]any{"amplitude_property": property, "braze_identifier": identifier}
}

// Shape errors are 400 validation_error; what the partner does not take is
// 422 invalid_config; either way each problem is located.
func destinationRefusals() []destinationRefusal {
	const (
		bad      = http.StatusBadRequest
		semantic = http.StatusUnprocessableEntity
	)
	condition := func(c map[string]any) map[string]any {
		return sandboxtest.Set(sandboxtest.BrazeStream("d"), "event_filter", map[string]any{"events": []any{"Purchase"}, "property_filters": map[string]any{"conditions": []any{c}}})
	}
	return []destinationRefusal{
		// The body's shape.
		{"no partner", sandboxtest.Set(sandboxtest.BrazeStream("d"), "partner", sandboxtest.Absent), bad, "partner", "required", "partner is required"},
		{"empty partner", sandboxtest.Set(sandboxtest.BrazeStream("d"), "partner", ""), bad, "partner", "too_short", ""},
		{"no display_name", sandboxtest.Set(sandboxtest.BrazeStream("d"), "display_name", sandboxtest.Absent), bad, "display_name", "required", ""},
		{"blank display_name", sandboxtest.BrazeStream(" \t"), bad, "display_name", "invalid_value", "it must be a name of 1 to 255 characters, not blank"},
		{"long display_name", sandboxtest.BrazeStream(strings.Repeat("é", 256)), bad, "display_name", "too_long", "display_name is too long: it must be a name of 1 to 255 characters"},
		{"display_name not a string", sandboxtest.Set(sandboxtest.BrazeStream("d"), "display_name", 5), bad, "display_name", "invalid_type", ""},
		{"null display_name", sandboxtest.Set(sandboxtest.BrazeStream("d"), "display_name", nil), bad, "display_name", "invalid_type", ""},
		{"an id", sandboxtest.Set(sandboxtest.BrazeStream("d"), "id", "mine"), bad, "id", "unknown_field", "id is not a field of the request body; its fields are config, display_name"},
		{"a version", sandboxtest.Set(sandboxtest.BrazeStream("d"), "version", 1), bad, "version", "unknown_field", ""},
		{"paused", sandboxtest.Set(sandboxtest.BrazeStream("d"), "paused", false), bad, "paused", "unknown_field", ""},
		{"kind a string", sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", "event"), bad, "kind", "invalid_type", ""},
		{"kind empty", sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", []any{}), bad, "kind", "too_short", ""},
		{"kind unknown", sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", []any{"event", "events"}), bad, "kind[1]", "invalid_value", `kind[1] "events" is not valid: it must be one of "event", "identify", "cohort", "warehouse_export"`},
		{"kind repeated", sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", []any{"event", "event"}), bad, "kind", "duplicate", "kind lists a value twice"},
		{"config a list", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config", []any{}), bad, "config", "invalid_type", ""},
		{"enabled a string", sandboxtest.Set(sandboxtest.BrazeStream("d"), "enabled", "yes"), bad, "enabled", "invalid_type", ""},
		{"send_events null", sandboxtest.Set(sandboxtest.BrazeStream("d"), "send_events", nil), bad, "send_events", "invalid_type", ""},
		{"event_filter null on create", sandboxtest.Set(sandboxtest.BrazeStream("d"), "event_filter", nil), bad, "event_filter", "invalid_type", "event_filter must be an object"},
		{"event_filter without events", sandboxtest.Set(sandboxtest.BrazeStream("d"), "event_filter", map[string]any{}), bad, "event_filter.events", "required", ""},
		{"event_filter with no events", sandboxtest.Set(sandboxtest.BrazeStream("d"), "event_filter", map[string]any{"events": []any{}}), bad, "event_filter.events", "too_short", ""},
		{"event_filter event repeated", sandboxtest.Set(sandboxtest.BrazeStream("d"), "event_filter", map[string]any{"events": []any{"Purchase", "Purchase"}}), bad, "event_filter.events", "duplicate", ""},
		{"event_filter blank event", sandboxtest.Set(sandboxtest.BrazeStream("d"), "event_filter", map[string]any{"events": []any{" "}}), bad, "event_filter.events[0]", "invalid_value", "not blank"},
		{"event_filter unknown key", sandboxtest.Set(sandboxtest.BrazeStream("d"), "event_filter", map[string]any{"events": []any{"Purchase"}, "filters": []any{}}), bad, "event_filter.filters", "unknown_field", ""},
		{"property_filters without conditions", sandboxtest.Set(sandboxtest.BrazeStream("d"), "event_filter", map[string]any{"events": []any{"Purchase"}, "property_filters": map[string]any{}}), bad,
			"event_filter.property_filters.conditions", "required", ""},
		{"bad operator", condition(map[string]any{"property": "country", "operator": "equals", "values": []any{"US"}}), bad,
			"event_filter.property_filters.conditions[0].operator", "invalid_value", `it must be one of "is", "is_not", "contains", "greater_than", "less_than"`},
		{"condition without values", condition(map[string]any{"property": "country", "operator": "is", "values": []any{}}), bad,
			"event_filter.property_filters.conditions[0].values", "too_short", ""},
		{"condition without property", condition(map[string]any{"operator": "is", "values": []any{"US"}}), bad,
			"event_filter.property_filters.conditions[0].property", "required", ""},
		{"condition unknown key", condition(map[string]any{"property": "country", "operator": "is", "values": []any{"US"}, "negate": true}), bad,
			"event_filter.property_filters.conditions[0].negate", "unknown_field", ""},
		{"property_mappings null on create", sandboxtest.Set(sandboxtest.BrazeStream("d"), "property_mappings", nil), bad, "property_mappings", "invalid_type", ""},
		{"property_mappings list a string", sandboxtest.Set(sandboxtest.BrazeStream("d"), "property_mappings", map[string]any{"user_properties": "plan"}), bad,
			"property_mappings.user_properties", "invalid_type", ""},
		{"property_mappings unknown key", sandboxtest.Set(sandboxtest.BrazeStream("d"), "property_mappings", map[string]any{"user_props": []any{}}), bad,
			"property_mappings.user_props", "unknown_field", ""},
		{"property_mappings repeated", sandboxtest.Set(sandboxtest.BrazeStream("d"), "property_mappings", map[string]any{"identify_user_properties": []any{"plan", "plan"}}), bad,
			"property_mappings.identify_user_properties", "duplicate", ""},

		// Kinds and partners.
		{"unknown partner", sandboxtest.Set(sandboxtest.BrazeStream("d"), "partner", "segment"), semantic, "partner", "invalid_value", `partner "segment" is not a destination type`},
		{"braze without a kind", sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", sandboxtest.Absent), semantic, "kind", "required", "partner braze serves several kinds (event, identify, cohort): name kind"},
		{"kinds of two families", sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", []any{"event", "cohort"}), semantic, "kind", "invalid_value", "mixes event streaming and cohort"},
		{"warehouse export", sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", []any{"warehouse_export"}), semantic, "kind", "not_allowed", "partner braze does not serve kind warehouse_export"},
		{"webhook identify", sandboxtest.Set(sandboxtest.Webhook("d"), "kind", []any{"identify"}), semantic, "kind", "not_allowed", "it serves event"},
		{"send_events without event", sandboxtest.Set(sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", []any{"identify"}), "send_events", true), semantic, "send_events", "invalid_value", ""},
		{"send_users without identify", sandboxtest.Set(sandboxtest.Set(sandboxtest.BrazeStream("d"), "kind", []any{"event"}), "send_users", true), semantic, "send_users", "invalid_value", ""},

		// Braze event streaming's config.
		{"no api_endpoint", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.api_endpoint", sandboxtest.Absent), semantic, "config.api_endpoint", "required", ""},
		{"unknown api_endpoint", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.api_endpoint", "https://rest.iad-09.braze.com"), semantic, "config.api_endpoint", "invalid_value",
			`it must be one of "https://rest.au-01.braze.com"`},
		{"api_endpoint a number", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.api_endpoint", 5), semantic, "config.api_endpoint", "invalid_value", ""},
		{"no api_key", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.api_key", sandboxtest.Absent), semantic, "config.api_key", "required", ""},
		{"empty api_key", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.api_key", ""), semantic, "config.api_key", "invalid_value", "it must be a key, not blank"},
		{"unknown api_key", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.api_key", "no-such-key"), semantic, "config.api_key", "credential_rejected",
			"Braze rejected the API key: it does not exist"},
		{"app_id not a UUID", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.app_id", "app"), semantic, "config.app_id", "invalid_value", "must be a UUID"},
		{"no user_id_mapping", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.user_id_mapping", sandboxtest.Absent), semantic, "config.user_id_mapping", "required", ""},
		{"user_id_mapping a string", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.user_id_mapping", "user_id"), semantic, "config.user_id_mapping", "invalid_type", ""},
		{"stream identifier", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.user_id_mapping", mapping("device_id", "device_id")), semantic,
			"config.user_id_mapping.braze_identifier", "invalid_value", `it must be one of "external_id", "braze_id", "user_alias", "email"`},
		{"mapping without property", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.user_id_mapping", map[string]any{"braze_identifier": "email"}), semantic,
			"config.user_id_mapping.amplitude_property", "required", ""},
		{"mapping unknown key", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.user_id_mapping", map[string]any{"amplitude_property": "u", "braze_identifier": "email", "priority": 1}), semantic,
			"config.user_id_mapping.priority", "unknown_field", ""},
		{"alias without label", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.user_id_mapping", mapping("user_id", "user_alias")), semantic,
			"config.user_alias_label", "required", "required when a mapping uses user_alias"},
		{"blank alias label", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.user_alias_label", " "), semantic, "config.user_alias_label", "invalid_value", "not blank"},
		{"update_users_only a string", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.update_users_only", "no"), semantic, "config.update_users_only", "invalid_type", ""},
		{"data import key on a stream", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.data_import_key", "k"), semantic, "config.data_import_key", "not_allowed",
			"config.data_import_key is for cohort destinations"},
		{"unknown parameter", sandboxtest.Set(sandboxtest.BrazeStream("d"), "config.region", "US"), semantic, "config.region", "unknown_field",
			"its parameters are api_endpoint, api_key, app_id, user_alias_label, update_users_only, user_id_mapping, data_import_key, identifier_mappings"},

		// Braze cohorts.
		{"cohort enabled", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "enabled", true), semantic, "enabled", "not_allowed", "enabled is for event streaming destinations"},
		{"cohort event_filter", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "event_filter", map[string]any{"events": []any{"Purchase"}}), semantic, "event_filter", "not_allowed", ""},
		{"cohort property_mappings", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "property_mappings", map[string]any{}), semantic, "property_mappings", "not_allowed", ""},
		{"cohort send_events", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "send_events", false), semantic, "send_events", "not_allowed", ""},
		{"cohort send_users", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "send_users", false), semantic, "send_users", "not_allowed", ""},
		{"cohort api_key", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.api_key", "k"), semantic, "config.api_key", "not_allowed", "config.api_key is for event or identify destinations"},
		{"cohort app_id", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.app_id", "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"), semantic, "config.app_id", "not_allowed", ""},
		{"cohort user_id_mapping", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.user_id_mapping", mapping("user_id", "external_id")), semantic, "config.user_id_mapping", "not_allowed", ""},
		{"no data import key", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.data_import_key", sandboxtest.Absent), semantic, "config.data_import_key", "required", ""},
		{"no identifier mappings", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.identifier_mappings", sandboxtest.Absent), semantic, "config.identifier_mappings", "required", ""},
		{"no identifier", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.identifier_mappings", []any{}), semantic, "config.identifier_mappings", "too_short", ""},
		{"four identifiers", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.identifier_mappings", []any{
			mapping("a", "external_id"), mapping("b", "device_id"), mapping("c", "user_alias"), mapping("d", "external_id"),
		}), semantic, "config.identifier_mappings", "too_long", "it must be a list of 1 to 3 items"},
		{"identifier repeated", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.identifier_mappings", []any{mapping("a", "external_id"), mapping("b", "external_id")}), semantic,
			"config.identifier_mappings[1].braze_identifier", "duplicate", "repeats config.identifier_mappings[0]"},
		{"cohort identifier", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.identifier_mappings", []any{mapping("a", "braze_id")}), semantic,
			"config.identifier_mappings[0].braze_identifier", "invalid_value", `it must be one of "external_id", "device_id", "user_alias"`},
		{"identifier mappings an object", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.identifier_mappings", mapping("a", "external_id")), semantic,
			"config.identifier_mappings", "invalid_type", ""},
		{"cohort alias without label", sandboxtest.Set(sandboxtest.BrazeCohorts("c"), "config.identifier_mappings", []any{mapping("a", "user_alias")}), semantic,
			"config.user_alias_label", "required", ""},

		// Webhooks: numbers, header maps, enums, an optional secret.
		{"no url", sandboxtest.Set(sandboxtest.Webhook("w"), "config.url", sandboxtest.Absent), semantic, "config.url", "required", ""},
		{"plain http", sandboxtest.Set(sandboxtest.Webhook("w"), "config.url", "http://hooks.example.com"), semantic, "config.url", "invalid_value", "must be an https:// URL"},
		{"batch of 0", sandboxtest.Set(sandboxtest.Webhook("w"), "config.batch_size", 0), semantic, "config.batch_size", "invalid_value", "a whole number from 1 to 1000"},
		{"batch of 1001", sandboxtest.Set(sandboxtest.Webhook("w"), "config.batch_size", 1001), semantic, "config.batch_size", "invalid_value", ""},
		{"batch of 2.5", sandboxtest.Set(sandboxtest.Webhook("w"), "config.batch_size", 2.5), semantic, "config.batch_size", "invalid_type", "a whole number from 1 to 1000"},
		{"batch a string", sandboxtest.Set(sandboxtest.Webhook("w"), "config.batch_size", "10"), semantic, "config.batch_size", "invalid_type", "must be a whole number from 1 to 1000"},
		{"headers a string", sandboxtest.Set(sandboxtest.Webhook("w"), "config.headers", "X-Team: growth"), semantic, "config.headers", "invalid_type", ""},
		{"header value a number", sandboxtest.Set(sandboxtest.Webhook("w"), "config.headers", map[string]any{"X-Count": 3}), semantic, "config.headers.X-Count", "invalid_type", ""},
		{"header name with a space", sandboxtest.Set(sandboxtest.Webhook("w"), "config.headers", map[string]any{"X Team": "growth"}), semantic, "config.headers.X Team", "invalid_value",
			"is not an HTTP header name"},
		{"header value on two lines", sandboxtest.Set(sandboxtest.Webhook("w"), "config.headers", map[string]any{"X-Team": "a\r\nX-Admin: yes"}), semantic, "config.headers.X-Team", "invalid_value", ""},
		{"unknown format", sandboxtest.Set(sandboxtest.Webhook("w"), "config.format", "xml"), semantic, "config.format", "invalid_value", `it must be one of "json", "ndjson"`},
		{"empty auth token", sandboxtest.Set(sandboxtest.Webhook("w"), "config.auth_token", ""), semantic, "config.auth_token", "invalid_value", "not blank"},
		{"braze parameter on a webhook", sandboxtest.Set(sandboxtest.Webhook("w"), "config.api_key", "k"), semantic, "config.api_key", "unknown_field", "is not a parameter of partner webhook"},
	}
}

func TestDestinationRefusals(t *testing.T) {
	f := start(t)
	for _, tt := range destinationRefusals() {
		t.Run(tt.name, func(t *testing.T) {
			write := f.Developer("POST", sandboxtest.DestinationsPath, tt.body)
			write.WantFieldProblem(t, tt.status, tt.field, tt.code, tt.message)
			// A dry run validates exactly as the write.
			plan := f.Developer("POST", sandboxtest.DestinationsPath+"?dry_run=true", tt.body)
			if plan.Status != write.Status || string(plan.Body) != string(write.Body) {
				t.Errorf("dry run answered %d %s; the write %d %s", plan.Status, plan.Body, write.Status, write.Body)
			}
		})
	}
	if n := f.Sandbox.Stats().Objects["destinations"]; n != 0 {
		t.Errorf("%d destinations made by refused creates", n)
	}
}

// One answer lists every problem of its kind.
func TestDestinationRefusalListsEveryProblem(t *testing.T) {
	f := start(t)
	body := sandboxtest.Set(sandboxtest.Set(sandboxtest.Set(sandboxtest.Webhook("w"), "config.url", "http://x"), "config.batch_size", 0), "config.format", "xml")
	p := f.Developer("POST", sandboxtest.DestinationsPath, body).WantProblem(t, http.StatusUnprocessableEntity, "invalid_config", "config.batch_size")
	var fields []string
	for _, v := range p.ValidationErrors {
		fields = append(fields, v.Field)
	}
	if strings.Join(fields, " ") != "config.batch_size config.format config.url" {
		t.Errorf("fields %v", fields)
	}
	if !strings.Contains(p.Detail, "config.url") || !strings.Contains(p.Detail, "config.format") {
		t.Errorf("detail %q should name every problem", p.Detail)
	}
	// Shape problems come first: the semantic ones wait for a valid shape.
	body = sandboxtest.Set(sandboxtest.Set(sandboxtest.Webhook("w"), "config.url", "http://x"), "display_name", "")
	p = f.Developer("POST", sandboxtest.DestinationsPath, body).WantProblem(t, http.StatusBadRequest, "validation_error", "")
	if len(p.ValidationErrors) != 1 || p.ValidationErrors[0].Field != "display_name" {
		t.Errorf("validation errors %+v", p.ValidationErrors)
	}
}
