package amplitude

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// Amplitude's validation errors name body fields; each lands on the
// attribute the value came from, through each resource's one table.
func TestValidationFieldsLandOnAttributes(t *testing.T) {
	ctx := context.Background()
	stream := brazeDestinationModel{BrazeAPIKey: types.StringValue("k"), BrazeAPIKeyWOVersion: types.Int64Null()}.fields(map[string]string{"api_key": "k"})
	writeOnly := brazeDestinationModel{BrazeAPIKey: types.StringNull(), BrazeAPIKeyWOVersion: types.Int64Value(1)}.fields(map[string]string{"api_key": "k"})
	cohort := brazeCohortDestinationModel{DataImportKey: types.StringValue("k"), DataImportKeyWOVersion: types.Int64Null()}.fields(map[string]string{"data_import_key": "k"})
	config, err := jsonToDynamic(ctx, json.RawMessage(`{"url": "https://x.example.com", "headers": {"X-A": "b"}}`))
	if err != nil {
		t.Fatal(err)
	}
	generic := genericDestinationModel{Config: config, SecretConfigWOVersion: types.Int64Null()}.fields(map[string]string{"auth_token": "t"})
	genericWriteOnly := genericDestinationModel{Config: config, SecretConfigWOVersion: types.Int64Value(1)}.fields(map[string]string{"auth_token": "t"})
	cases := []struct {
		field  string
		fields fieldPaths
		want   path.Path
	}{
		{"display_name", stream, path.Root("name")},
		{"config.api_endpoint", stream, path.Root("braze_endpoint")},
		{"config.api_key", stream, path.Root("braze_api_key")},
		{"config.api_key", writeOnly, path.Root("braze_api_key_wo")},
		{"config.user_id_mapping.braze_identifier", stream, path.Root("identifier_mapping").AtName("braze_identifier")},
		{"event_filter.property_filters.conditions[1].operator", stream, path.Root("send_events").AtName("filters").AtListIndex(1).AtName("operator")},
		{"property_mappings.identify_user_properties", stream, path.Root("send_users").AtName("user_properties")},
		{"config.identifier_mappings[2].braze_identifier", cohort, path.Root("identifier_mappings").AtListIndex(2).AtName("braze_identifier")},
		{"config.data_import_key", cohort, path.Root("data_import_key")},
		// config is a dynamic attribute: a field inside it lands on it.
		{"config.headers.X-A", generic, path.Root("config")},
		{"config.auth_token", generic, path.Root("secret_config").AtMapKey("auth_token")},
		{"config.auth_token", genericWriteOnly, path.Root("secret_config_wo").AtMapKey("auth_token")},
		{"event_filter.property_filters.conditions[0].values", generic, path.Root("event_filter").AtName("property_filters")},
		{"event_filter.events[0]", generic, path.Root("event_filter").AtName("events").AtListIndex(0)},
	}
	for _, tc := range cases {
		got, ok := tc.fields.lookup(tc.field)
		if !ok || !got.Equal(tc.want) {
			t.Errorf("%s: %s (%v), want %s", tc.field, got, ok, tc.want)
		}
	}
	for _, field := range []string{"no_such_field", ""} {
		if _, ok := stream.lookup(field); ok {
			t.Errorf("the field %q was given an attribute", field)
		}
	}
}

// Free-form JSON round-trips through dynamic values, and a value the user
// spelt another way but means the same is kept as written.
func TestDynamicJSON(t *testing.T) {
	ctx := context.Background()
	raw := json.RawMessage(`{"url":"https://x.example.com","batch_size":100,"ratio":0.25,"on":true,"headers":{"X-A":"b"},"ids":[1,"two",null]}`)
	v, err := jsonToDynamic(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	back, err := dynamicToJSON(ctx, v)
	if err != nil || !developer.JSONEqual(raw, back) {
		t.Fatalf("round trip: %s, %v", back, err)
	}
	same := json.RawMessage(`{"ids":[1,"two",null],"headers":{"X-A":"b"},"on":true,"ratio":0.250,"batch_size":1e2,"url":"https://x.example.com"}`)
	kept, err := keepIfSame(ctx, v, same)
	if err != nil || !kept.Equal(v) {
		t.Errorf("the same JSON spelt otherwise replaced the value: %v, %v", kept, err)
	}
	changed, err := keepIfSame(ctx, v, json.RawMessage(`{"url":"https://y.example.com"}`))
	if err != nil || changed.Equal(v) {
		t.Errorf("a changed value was kept: %v, %v", changed, err)
	}
	if null, err := jsonToDynamic(ctx, json.RawMessage(`null`)); err != nil || !null.IsNull() {
		t.Errorf("null read as %v, %v", null, err)
	}
}
