// Package badinput_test plans invalid configurations across both providers:
// their provider blocks, resources, data sources and functions. Each must
// fail at validate or plan with a message that names the attribute and what
// would be valid, before any request that could change something.
package badinput_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
)

type badInput struct {
	name string
	// config follows the sandbox's provider blocks unless ownProviders is set.
	config       string
	ownProviders bool
	want         string
	// versionChecks skip the row under CLIs that lack what it uses.
	versionChecks []tfversion.TerraformVersionCheck
}

// functionCall marks the rows that call a provider function.
var functionCall = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ProviderFunctions)}

// amplitudeProvider and brazeProvider are provider blocks with one setting
// added; %[1]s stands for the sandbox's URL.
func amplitudeProvider(setting string) string {
	return `provider "amplitude" {
  api_key    = "sandbox-api-key"
  secret_key = "sandbox-secret-key"
  base_url   = "%[1]s/amplitude"
  ` + setting + `
}
data "amplitude_cohort" "x" { id = "coh_power_users" }
`
}

func brazeProvider(setting string) string {
	return `provider "braze" {
  rest_endpoint = "%[1]s/braze"
  api_key       = "sandbox-braze-admin-key"
  ` + setting + `
}
data "braze_custom_attributes" "x" {}
`
}

const (
	destination = `resource "amplitude_braze_destination" "x" {
  name           = "x"
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = %s
  braze_api_key  = "sandbox-braze-admin-key"
  identifier_mapping = { amplitude_property = "user_id", braze_identifier = %s }
  send_events    = %s
}`
	validAppID = `"7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"`
	allEvents  = `{ all_events = true }`
)

var badInputs = []badInput{
	// The amplitude provider block.
	{name: "amplitude region", config: amplitudeProvider(`region = "APAC"`), ownProviders: true,
		want: `region: unknown Amplitude region "APAC"; valid regions are EU, US \(in any case\)`},
	{name: "amplitude base_url over plain http", config: `provider "amplitude" {
  api_key    = "k"
  secret_key = "s"
  base_url   = "http://amplitude.example.com"
}
data "amplitude_cohort" "x" { id = "c" }`, ownProviders: true, want: `base_url.*uses plain http://, which is allowed only for loopback hosts`},
	{name: "amplitude base_url not a URL", config: `provider "amplitude" {
  api_key    = "k"
  secret_key = "s"
  base_url   = "amplitude.com"
}
data "amplitude_cohort" "x" { id = "c" }`, ownProviders: true, want: `base_url.*"amplitude.com" is not a URL`},
	{name: "amplitude max_retries", config: amplitudeProvider(`max_retries = 50`), ownProviders: true,
		want: `max_retries value must be between 0 and 20, got: 50`},
	{name: "amplitude api_key missing", config: `provider "amplitude" {
  secret_key = "s"
  base_url   = "%[1]s/amplitude"
}
data "amplitude_cohort" "x" { id = "c" }`, ownProviders: true,
		want: `amplitude_cohort calls Amplitude APIs that take the project's API key and secret key: set api_key \(or the AMPLITUDE_API_KEY environment variable\) in the amplitude provider block`},
	{name: "amplitude secret_key missing", config: `provider "amplitude" {
  api_key  = "k"
  base_url = "%[1]s/amplitude"
}
data "amplitude_cohort" "x" { id = "c" }`, ownProviders: true,
		want: `set secret_key \(or the AMPLITUDE_SECRET_KEY environment variable\) in the amplitude provider block`},

	// The braze provider block.
	{name: "braze rest_endpoint over plain http", config: `provider "braze" {
  rest_endpoint = "http://rest.iad-05.braze.com"
  api_key       = "k"
}
data "braze_custom_attributes" "x" {}`, ownProviders: true,
		want: `rest_endpoint.*uses plain http://, which is allowed only for loopback hosts`},
	{name: "braze rest_endpoint missing", config: `provider "braze" {
  api_key = "k"
}
data "braze_custom_attributes" "x" {}`, ownProviders: true,
		want: `Set rest_endpoint in the braze provider block or the BRAZE_REST_ENDPOINT environment variable`},
	{name: "braze api_key missing", config: `provider "braze" {
  rest_endpoint = "%[1]s/braze"
}
data "braze_custom_attributes" "x" {}`, ownProviders: true,
		want: `Set api_key in the braze provider block or the BRAZE_API_KEY environment variable`},
	{name: "amplitude request_timeout not a duration", config: amplitudeProvider(`request_timeout = "forever"`), ownProviders: true,
		want: `request_timeout: "forever" is not a duration such as "90s" or "5m"`},
	{name: "braze request_timeout too long", config: brazeProvider(`request_timeout = "3h"`), ownProviders: true,
		want: `request_timeout: 3h0m0s is outside 1s to 1h0m0s`},
	{name: "braze max_retries", config: brazeProvider(`max_retries = -1`), ownProviders: true,
		want: `max_retries value must be between 0 and 20, got: -1`},

	// Functions.
	{name: "rest_endpoint of US-09", config: `output "x" { value = provider::braze::rest_endpoint("US-09") }`,
		want: `unknown Braze instance "US-09"; valid instances are AU-01, EU-01, EU-02`, versionChecks: functionCall},
	{name: "rest_endpoint of nothing", config: `output "x" { value = provider::braze::rest_endpoint("") }`,
		want: `unknown Braze instance ""; valid instances are`, versionChecks: functionCall},
	{name: "egress_ips of APAC", config: `output "x" { value = provider::amplitude::egress_ips("APAC") }`,
		want: `unknown Amplitude region "APAC"; valid regions are EU, US`, versionChecks: functionCall},

	// Data sources.
	{name: "cohort with neither id nor name", config: `data "amplitude_cohort" "x" {}`,
		want: `Exactly one of these attributes must be configured: \[id,name\]`},
	{name: "cohort with both", config: `data "amplitude_cohort" "x" {
  id   = "coh_power_users"
  name = "Power users"
}`, want: `Exactly one of these attributes must be configured: \[id,name\]`},
	{name: "cohort with an empty name", config: `data "amplitude_cohort" "x" { name = "" }`,
		want: `name must not be empty or only white space`},
	{name: "metrics for a custom period", config: `data "amplitude_event_streaming_metrics" "x" {
  sync_id     = "s"
  time_period = "CUSTOM"
}`, want: `time_period value must be one of: \["TEN_MINUTES" "ONE_HOUR" "FOUR_HOURS" "ONE_DAY" "ONE_WEEK" "TWO_WEEKS"\]`},
	{name: "metrics without a sync", config: `data "amplitude_event_streaming_metrics" "x" {
  sync_id     = ""
  time_period = "ONE_DAY"
}`, want: `sync_id must not be empty or only white space`},

	// Resources.
	{name: "destination app id", config: fmt.Sprintf(destination, `"app-1"`, `"external_id"`, allEvents),
		want: `braze_app_id must be UUID-shaped, like 01234567-89ab-cdef-0123-456789abcdef`},
	{name: "destination filter operator", config: fmt.Sprintf(destination, validAppID, `"external_id"`,
		`{ events = ["Purchase"], filters = [{ property = "plan", operator = "regex", values = ["x"] }] }`),
		want: `send_events.filters\[0\].operator value must be one of: \["is" "is_not" "contains" "greater_than" "less_than"\]`},
	{name: "destination alias without label", config: fmt.Sprintf(destination, validAppID, `"user_alias"`, allEvents),
		want: `user_alias_label: required when identifier_mapping.braze_identifier is "user_alias"`},
	{name: "cohort destination identifier", config: `resource "amplitude_braze_cohort_destination" "x" {
  name                = "x"
  braze_endpoint      = "https://rest.iad-05.braze.com"
  data_import_key     = "k"
  identifier_mappings = [{ amplitude_property = "email", braze_identifier = "email" }]
}`, want: `identifier_mappings\[0\].braze_identifier value must be one of: \["external_id" "device_id" "user_alias"\]`},
	{name: "cohort destination without mappings", config: `resource "amplitude_braze_cohort_destination" "x" {
  name                = "x"
  braze_endpoint      = "https://rest.iad-05.braze.com"
  data_import_key     = "k"
  identifier_mappings = []
}`, want: `identifier_mappings list must contain at least 1 elements and at most 3 elements`},
	{name: "real-time computation sync", config: `resource "amplitude_sync" "x" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = "d"
  cadence        = "realtime"
}`, want: `cadence: "realtime" syncs cohort membership only; a computation sync takes one_time, hourly or daily`},
	{name: "sync kind", config: `resource "amplitude_sync" "x" {
  kind           = "segment"
  source_id      = "s"
  destination_id = "d"
  cadence        = "daily"
}`, want: `kind value must be one of: \["user_property" "computation" "cohort" "recommendation"\]`},
	{name: "sync of a user property named with gp:", config: `resource "amplitude_sync" "x" {
  kind           = "user_property"
  source_id      = "gp:plan"
  destination_id = "d"
  cadence        = "daily"
}`, want: `source_id: "gp:plan" carries the gp: prefix that Amplitude's charts show on custom user properties; Amplitude names the property without it: "plan"`},
	{name: "user property named with gp:", config: `resource "amplitude_user_property" "x" {
  name = "gp:plan"
}`, want: `name: "gp:plan" carries the gp: prefix.*without it: "plan"`},
	{name: "enum property without values", config: `resource "amplitude_user_property" "x" {
  name = "tier"
  type = "enum"
}`, want: `enum_values: required when type is "enum"`},
	{name: "property classification", config: `resource "amplitude_user_property" "x" {
  name            = "tier"
  classifications = ["SECRET"]
}`, want: `classifications\[Value\("SECRET"\)\] value must be one of: \["PII" "SENSITIVE" "INTERNAL" "REVENUE"\]`},
	{name: "destination filter operator of the old API", config: fmt.Sprintf(destination, validAppID, `"external_id"`,
		`{ events = ["Purchase"], filters = [{ property = "ltv", operator = "greater", values = ["1"] }] }`),
		want: `send_events.filters\[0\].operator value must be one of: \["is" "is_not" "contains" "greater_than" "less_than"\], got: "greater"`},
	{name: "destination with a blank name", config: strings.Replace(fmt.Sprintf(destination, validAppID, `"external_id"`, allEvents), `name           = "x"`, `name = " "`, 1),
		want: `name must not be empty or only white space`},
	{name: "generic destination kind", config: `resource "amplitude_destination" "x" {
  partner      = "webhook"
  display_name = "x"
  kind         = ["stream"]
}`, want: `kind\[Value\("stream"\)\] value must be one of: \["event" "identify" "cohort" "warehouse_export"\]`},
	{name: "generic destination empty secrets", config: `resource "amplitude_destination" "x" {
  partner       = "webhook"
  display_name  = "x"
  secret_config = {}
}`, want: `secret_config map must contain at least 1 elements`},
	{name: "generic destination both secret forms", config: `resource "amplitude_destination" "x" {
  partner                  = "webhook"
  display_name             = "x"
  secret_config            = { auth_token = "t" }
  secret_config_wo_version = 1
}`, want: `These attributes cannot be configured together: \[secret_config,secret_config_wo_version\]`},
	{name: "generic destination unknown parameter", config: `resource "amplitude_destination" "x" {
  partner      = "webhook"
  display_name = "x"
  config       = { url = "https://example.com/hook", retries = 3 }
}`, want: `config.retries: partner "webhook" has no parameter "retries"`},
	{name: "generic destination config not an object", config: `resource "amplitude_destination" "x" {
  partner      = "webhook"
  display_name = "x"
  config       = ["https://example.com/hook"]
}`, want: `config must be an object of parameters by id`},
	{name: "destination type blank partner", config: `data "amplitude_destination_type" "x" { partner = "" }`,
		want: `partner must not be empty or only white space`},
	{name: "project id not a number", config: `data "amplitude_project" "x" { id = "prod" }`,
		want: `id must be a project's numeric id, such as 424242`},
	{name: "project by id and name", config: `data "amplitude_project" "x" {
  id   = "424242"
  name = "Production"
}`, want: `Exactly one of these attributes must be configured: \[id,name\]`},
	{name: "amplitude project_id", config: amplitudeProvider(`project_id = "my-project"`), ownProviders: true,
		want: `project_id must be the project's numeric id, such as 424242`},
	{name: "amplitude developer_api_url over plain http", config: amplitudeProvider(`developer_api_url = "http://developer-api.amplitude.com"`), ownProviders: true,
		want: `developer_api_url.*uses plain http://, which is allowed only for loopback hosts`},
	{name: "destination without a token", config: `provider "amplitude" {
  project_id        = "424242"
  developer_api_url = "%[1]s/developer-api"
}
data "amplitude_destination_type" "x" { partner = "braze" }`, ownProviders: true,
		want: `amplitude_destination_type calls Amplitude's Developer API, which takes an access token and a project id: set access_token \(or the AMPLITUDE_ACCESS_TOKEN or AMP_TOKEN environment variable\)`},
	{name: "destination without a project", config: `provider "amplitude" {
  access_token      = "amp_sandbox_admin"
  developer_api_url = "%[1]s/developer-api"
}
data "amplitude_project" "x" { id = "424242" }`, ownProviders: true,
		want: `set project_id \(or the AMPLITUDE_PROJECT_ID environment variable\)`},
	{name: "sync without the project's keys", config: `provider "amplitude" {
  access_token      = "amp_sandbox_admin"
  project_id        = "424242"
  developer_api_url = "%[1]s/developer-api"
}
resource "amplitude_sync" "x" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = "d"
  cadence        = "daily"
}`, ownProviders: true,
		want: `amplitude_sync calls Amplitude APIs that take the project's API key and secret key: set api_key \(or the AMPLITUDE_API_KEY environment variable\) and secret_key`},
	{name: "event type with a trailing space", config: `resource "amplitude_event_type" "x" { name = "Purchase " }`,
		want: `name must not begin or end with white space \(Amplitude refuses it\)`},
	{name: "event type without a name", config: `resource "amplitude_event_type" "x" { name = "" }`,
		want: `name must not be empty or only white space`},
	{name: "event type with a blank description", config: `resource "amplitude_event_type" "x" {
  name        = "Purchase"
  description = "   "
}`, want: `description must not be empty or only white space`},
	{name: "event property without its event", config: `resource "amplitude_event_property" "x" { name = "price" }`,
		want: `The argument "event_type" is required`},
	{name: "event property enum value with spaces", config: `resource "amplitude_event_property" "x" {
  event_type  = "Purchase"
  name        = "size"
  type        = "enum"
  enum_values = ["small", " large"]
}`, want: `enum_values\[Value\(" large"\)\] must not begin or end with white space`},
	{name: "event property regex that does not compile", config: `resource "amplitude_event_property" "x" {
  event_type = "Purchase"
  name       = "coupon"
  type       = "string"
  regex      = "(unclosed"
}`, want: `regex: error parsing regexp: missing closing \)`},
	{name: "event property type", config: `resource "amplitude_event_property" "x" {
  event_type = "Purchase"
  name       = "price"
  type       = "decimal"
}`, want: `type value must be one of: \["string" "number" "boolean" "object" "enum" "any"\]`},
	{name: "event property regex on a number", config: `resource "amplitude_event_property" "x" {
  event_type = "Purchase"
  name       = "price"
  type       = "number"
  regex      = "[0-9]+"
}`, want: `regex: only applies to type "string"; this property's type is "number"`},
	{name: "event property enum without values", config: `resource "amplitude_event_property" "x" {
  event_type = "Purchase"
  name       = "size"
  type       = "enum"
}`, want: `enum_values: required when type is "enum"`},
	{name: "user property blank display name", config: `resource "amplitude_user_property" "x" {
  name         = "tier"
  display_name = ""
}`, want: `display_name must not be empty or only white space`},
	{name: "user property empty enum set", config: `resource "amplitude_user_property" "x" {
  name        = "tier"
  type        = "enum"
  enum_values = []
}`, want: `enum_values set must contain at least 1 elements`},
	{name: "key permission typo", config: `resource "braze_api_key" "x" {
  name        = "k"
  permissions = ["users.trak"]
}`, want: `permissions\[Value\("users.trak"\)\]: "users.trak" is not a Braze REST API key permission; did you mean users.track\?`},
	{name: "key CIDR", config: `resource "braze_api_key" "x" {
  name        = "k"
  permissions = ["users.track"]
  allowed_ips = ["10.0.0.0/33"]
}`, want: `allowed_ips\[Value\("10.0.0.0/33"\)\]: "10.0.0.0/33" is not a CIDR block such as 203.0.113.0/24`},
}

func TestAccBadInput(t *testing.T) {
	// Missing-setting cases must not be rescued by the environment.
	for _, name := range []string{"AMPLITUDE_API_KEY", "AMPLITUDE_SECRET_KEY", "AMPLITUDE_REGION", "AMPLITUDE_BASE_URL",
		"AMPLITUDE_ACCESS_TOKEN", "AMP_TOKEN", "AMPLITUDE_PROJECT_ID", "AMPLITUDE_DEVELOPER_API_URL", "BRAZE_REST_ENDPOINT", "BRAZE_API_KEY"} {
		t.Setenv(name, "")
	}
	s := acctest.NewSandbox(t)
	cases := 0
	for _, tc := range badInputs {
		cases++
		t.Run(tc.name, func(t *testing.T) {
			config := strings.ReplaceAll(tc.config, "%[1]s", s.URL)
			if !tc.ownProviders {
				config = s.ProviderConfig() + config
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				TerraformVersionChecks:   tc.versionChecks,
				Steps: []resource.TestStep{{
					Config:      config,
					PlanOnly:    true,
					ExpectError: acctest.ErrorMatching(tc.want),
				}},
			})
		})
	}
	if cases < 50 {
		t.Errorf("the table holds %d invalid configurations; keep at least 50", cases)
	}
	if writes := s.Stats(t).Writes(); writes != 0 {
		t.Errorf("invalid configurations reached the vendors with %d write requests", writes)
	}
}
