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
// attribute the value came from.
func TestValidationFieldsLandOnAttributes(t *testing.T) {
	stream := brazeDestinationModel{BrazeAPIKey: types.StringValue("k")}
	writeOnly := brazeDestinationModel{BrazeAPIKey: types.StringNull(), BrazeAPIKeyWOVersion: types.Int64Value(1)}
	cohort := brazeCohortDestinationModel{DataImportKey: types.StringValue("k")}
	cases := []struct {
		field string
		got   func(string) (path.Path, bool)
		want  path.Path
	}{
		{"display_name", stream.fieldPath, path.Root("name")},
		{"config.api_endpoint", stream.fieldPath, path.Root("braze_endpoint")},
		{"config.api_key", stream.fieldPath, path.Root("braze_api_key")},
		{"config.api_key", writeOnly.fieldPath, path.Root("braze_api_key_wo")},
		{"config.user_id_mapping.braze_identifier", stream.fieldPath, path.Root("identifier_mapping").AtName("braze_identifier")},
		{"event_filter.property_filters.conditions[1].operator", stream.fieldPath, path.Root("send_events").AtName("filters").AtListIndex(1).AtName("operator")},
		{"property_mappings.identify_user_properties", stream.fieldPath, path.Root("send_users").AtName("user_properties")},
		{"config.identifier_mappings[2].braze_identifier", cohort.fieldPath, path.Root("identifier_mappings").AtListIndex(2).AtName("braze_identifier")},
		{"config.data_import_key", cohort.fieldPath, path.Root("data_import_key")},
	}
	for _, tc := range cases {
		got, ok := tc.got(tc.field)
		if !ok || !got.Equal(tc.want) {
			t.Errorf("%s: %s (%v), want %s", tc.field, got, ok, tc.want)
		}
	}
	if _, ok := stream.fieldPath("no_such_field"); ok {
		t.Error("an unknown field was given an attribute")
	}
}

// Free-form JSON round-trips through dynamic values, and a value the user
// spelt another way but means the same is kept as written.
func TestDynamicJSON(t *testing.T) {
	ctx := context.Background()
	raw := json.RawMessage(`{"url":"https://x.example.com","batch_size":100,"ratio":0.25,"on":true,"headers":{"X-A":"b"},"ids":[1,"two",null]}`)
	v, err := jsonToDynamic(raw)
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
	if null, err := jsonToDynamic(json.RawMessage(`null`)); err != nil || !null.IsNull() {
		t.Errorf("null read as %v, %v", null, err)
	}
}
