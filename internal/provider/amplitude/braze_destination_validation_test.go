package amplitude_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
)

// Every plan-time rule of amplitude_braze_destination, each named by the
// attribute path in its message, and none of them reaching the API.
func TestAccBrazeDestination_validation(t *testing.T) {
	cases := []struct {
		name, resource, want string
	}{
		{
			name:     "no key",
			resource: destinationBody(`send_users = { user_properties = ["plan"] }`),
			want:     `braze_api_key.*braze_api_key_wo`,
		},
		{
			name: "both keys",
			resource: destinationBody(`
  braze_api_key            = "sandbox-braze-admin-key"
  braze_api_key_wo         = "sandbox-braze-admin-key"
  braze_api_key_wo_version = 1
  send_users               = { user_properties = ["plan"] }`),
			want: `braze_api_key.*braze_api_key_wo`,
		},
		{
			name:     "neither events nor users",
			resource: destinationBody(adminKeyAttribute),
			want:     `send_events.*send_users`,
		},
		{
			name:     "identifier outside the list",
			resource: destinationBodyWith("device_id", adminKeyAttribute+`send_users = { user_properties = ["plan"] }`),
			want:     `identifier_mapping.braze_identifier value must be one of: \["external_id" "braze_id" "user_alias" "email"\]`,
		},
		{
			name:     "user alias without a label",
			resource: destinationBodyWith("user_alias", adminKeyAttribute+`send_users = { user_properties = ["plan"] }`),
			want:     `user_alias_label.*required when identifier_mapping.braze_identifier`,
		},
		{
			name:     "all events and a list of events",
			resource: destinationBody(adminKeyAttribute + `send_events = { all_events = true, events = ["Purchase"] }`),
			want:     `send_events.events.*cannot be set when`,
		},
		{
			name:     "no event selection",
			resource: destinationBody(adminKeyAttribute + `send_events = { user_properties = ["plan"] }`),
			want:     `send_events.events.*all_events = true`,
		},
		{
			name:     "empty event set",
			resource: destinationBody(adminKeyAttribute + `send_events = { events = [] }`),
			want:     `send_events.events.*at least 1`,
		},
		{
			name:     "unknown filter operator",
			resource: destinationBody(adminKeyAttribute + `send_events = { events = ["Purchase"], filters = [{ property = "country", operator = "equals", values = ["US"] }] }`),
			want:     `send_events.filters\[0\].operator.*"greater_than" "less_than"`,
		},
		{
			name:     "filter without values",
			resource: destinationBody(adminKeyAttribute + `send_events = { events = ["Purchase"], filters = [{ property = "country", operator = "is" }] }`),
			want:     `attribute "values" is required`,
		},
		{
			name:     "filter of all events",
			resource: destinationBody(adminKeyAttribute + `send_events = { all_events = true, filters = [{ property = "plan", operator = "is", values = ["x"] }] }`),
			want:     `send_events.filters.*list them in send_events.events`,
		},
		{
			name:     "blank filter property",
			resource: destinationBody(adminKeyAttribute + `send_events = { events = ["Purchase"], filters = [{ property = "  ", operator = "is", values = ["x"] }] }`),
			want:     `send_events.filters\[0\].property.*must not be empty or only white space`,
		},
		{
			name:     "empty send_users",
			resource: destinationBody(adminKeyAttribute + `send_users = { user_properties = [] }`),
			want:     `send_users.user_properties.*at least 1`,
		},
		{
			name:     "app id not a UUID",
			resource: destinationWith(`braze_app_id = "my-app"`),
			want:     `braze_app_id.*UUID-shaped`,
		},
		{
			name:     "endpoint over plain http",
			resource: destinationWith(`braze_endpoint = "http://rest.iad-05.braze.com"`),
			want:     `braze_endpoint.*only for loopback`,
		},
		{
			name:     "endpoint not a URL",
			resource: destinationWith(`braze_endpoint = "rest.iad-05.braze.com"`),
			want:     `braze_endpoint.*not a URL`,
		},
		{
			name:     "empty name",
			resource: strings.Replace(destinationBody(adminKeyAttribute+`send_users = { user_properties = ["plan"] }`), `name           = "invalid"`, `name = ""`, 1),
			want:     `name.*must not be empty or only white space`,
		},
		{
			name: "write-only version without the key",
			resource: destinationBody(adminKeyAttribute + `
  braze_api_key_wo_version = 1
  send_users               = { user_properties = ["plan"] }`),
			want: `braze_api_key_wo_version`,
		},
	}
	s := acctest.NewSandbox(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      s.ProviderConfig() + tc.resource,
					PlanOnly:    true,
					ExpectError: acctest.ErrorMatching(tc.want),
				}},
			})
			if writes := s.Stats(t).Writes(); writes != 0 {
				t.Errorf("an invalid configuration reached the API: %d write requests", writes)
			}
		})
	}
}

func destinationBody(body string) string { return destinationBodyWith("external_id", body) }

func destinationBodyWith(identifier, body string) string {
	return fmt.Sprintf(`
resource "amplitude_braze_destination" "test" {
  name           = "invalid"
  braze_endpoint = %q
  braze_app_id   = %q
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = %q
  }
%s
}
`, acctest.BrazeEndpoint, acctest.BrazeAppID, identifier, body)
}

// strings3 builds an otherwise valid destination with one attribute replaced.
func destinationWith(override string) string {
	name, _, _ := strings.Cut(override, " ")
	lines := strings.Split(destinationBody(adminKeyAttribute+`send_users = { user_properties = ["plan"] }`), "\n")
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), name+" ") {
			lines[i] = "  " + override
		}
	}
	return strings.Join(lines, "\n")
}
