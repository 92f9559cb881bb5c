package amplitude_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
)

// Every plan-time rule of amplitude_braze_destination, each named by the
// attribute path in its message, and none of them reaching the API. Each
// configuration is a file in testdata/braze_destination_invalid: an
// otherwise valid destination with the one mistake its name says.
func TestAccBrazeDestination_validation(t *testing.T) {
	cases := []struct {
		name, file, want string
	}{
		{"no key", "no_key.tf", `braze_api_key.*braze_api_key_wo`},
		{"both keys", "both_keys.tf", `braze_api_key.*braze_api_key_wo`},
		{"neither events nor users", "neither_events_nor_users.tf", `send_events.*send_users`},
		{"identifier outside the list", "identifier_outside_the_list.tf", `identifier_mapping.braze_identifier value must be one of: \["external_id" "braze_id" "user_alias" "email"\]`},
		{"user alias without a label", "user_alias_without_a_label.tf", `user_alias_label.*required when identifier_mapping.braze_identifier`},
		{"all events and a list of events", "all_events_and_a_list_of_events.tf", `send_events.events.*cannot be set when`},
		{"no event selection", "no_event_selection.tf", `send_events.events.*all_events = true`},
		{"empty event set", "empty_event_set.tf", `send_events.events.*at least 1`},
		{"unknown filter operator", "unknown_filter_operator.tf", `send_events.filters\[0\].operator.*"greater_than" "less_than"`},
		{"filter without values", "filter_without_values.tf", `attribute "values" is required`},
		{"filter of all events", "filter_of_all_events.tf", `send_events.filters.*list them in send_events.events`},
		{"blank filter property", "blank_filter_property.tf", `send_events.filters\[0\].property.*must not be empty or only white space`},
		{"empty send_users", "empty_send_users.tf", `send_users.user_properties.*at least 1`},
		{"app id not a UUID", "app_id_not_a_uuid.tf", `braze_app_id.*UUID-shaped`},
		{"endpoint over plain http", "endpoint_over_plain_http.tf", `braze_endpoint.*only for loopback`},
		{"endpoint not a URL", "endpoint_not_a_url.tf", `braze_endpoint.*not a URL`},
		{"empty name", "empty_name.tf", `name.*must not be empty or only white space`},
		{"write-only version without the key", "write_only_version_without_the_key.tf", `braze_api_key_wo_version`},
	}
	s := acctest.NewSandbox(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					ConfigDirectory: s.File(t, "testdata/braze_destination_invalid/"+tc.file),
					PlanOnly:        true,
					ExpectError:     acctest.ErrorMatching(tc.want),
				}},
			})
			if writes := s.Stats(t).Writes(); writes != 0 {
				t.Errorf("an invalid configuration reached the API: %d write requests", writes)
			}
		})
	}
}
