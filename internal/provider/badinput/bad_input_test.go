// Package badinput_test plans invalid configurations across both providers:
// their provider blocks, resources, data sources and functions. Each must
// fail at validate or plan with a message that names the attribute and what
// would be valid, before any request that could change something.
package badinput_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
)

// badInput is one invalid configuration: a file in testdata/, and the
// error it must fail with. The files in testdata/provider_blocks configure
// the providers themselves; those in testdata/configurations get the
// sandbox's provider blocks.
type badInput struct {
	name string
	file string
	want string
	// versionChecks skip the row under CLIs that lack what it uses.
	versionChecks []tfversion.TerraformVersionCheck
}

// functionCall marks the rows that call a provider function.
var functionCall = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ProviderFunctions)}

var badInputs = []badInput{
	// The amplitude provider block.
	{name: "amplitude region", file: "provider_blocks/amplitude_region.tf",
		want: `region: unknown Amplitude region "APAC"; valid regions are EU, US \(in any case\)`},
	{name: "amplitude base_url over plain http", file: "provider_blocks/amplitude_base_url_over_plain_http.tf",
		want: `base_url.*uses plain http://, which is allowed only for loopback hosts`},
	{name: "amplitude base_url not a URL", file: "provider_blocks/amplitude_base_url_not_a_url.tf",
		want: `base_url.*"amplitude.com" is not a URL`},
	{name: "amplitude max_retries", file: "provider_blocks/amplitude_max_retries.tf",
		want: `max_retries value must be between 0 and 20, got: 50`},
	{name: "amplitude api_key missing", file: "provider_blocks/amplitude_api_key_missing.tf",
		want: `amplitude_cohort calls Amplitude APIs that take the project's API key and secret key: set api_key \(or the AMPLITUDE_API_KEY environment variable\) in the amplitude provider block`},
	{name: "amplitude secret_key missing", file: "provider_blocks/amplitude_secret_key_missing.tf",
		want: `set secret_key \(or the AMPLITUDE_SECRET_KEY environment variable\) in the amplitude provider block`},

	// The braze provider block.
	{name: "braze rest_endpoint over plain http", file: "provider_blocks/braze_rest_endpoint_over_plain_http.tf",
		want: `rest_endpoint.*uses plain http://, which is allowed only for loopback hosts`},
	{name: "braze rest_endpoint missing", file: "provider_blocks/braze_rest_endpoint_missing.tf",
		want: `Set rest_endpoint in the braze provider block or the BRAZE_REST_ENDPOINT environment variable`},
	{name: "braze api_key missing", file: "provider_blocks/braze_api_key_missing.tf",
		want: `Set api_key in the braze provider block or the BRAZE_API_KEY environment variable`},
	{name: "amplitude request_timeout not a duration", file: "provider_blocks/amplitude_request_timeout_not_a_duration.tf",
		want: `request_timeout: "forever" is not a duration such as "90s" or "5m"`},
	{name: "braze request_timeout too long", file: "provider_blocks/braze_request_timeout_too_long.tf",
		want: `request_timeout: 3h0m0s is outside 1s to 1h0m0s`},
	{name: "braze max_retries", file: "provider_blocks/braze_max_retries.tf",
		want: `max_retries value must be between 0 and 20, got: -1`},

	// Functions.
	{name: "rest_endpoint of US-09", file: "configurations/rest_endpoint_of_us_09.tf",
		want: `unknown Braze instance "US-09"; valid instances are AU-01, EU-01, EU-02`, versionChecks: functionCall},
	{name: "rest_endpoint of nothing", file: "configurations/rest_endpoint_of_nothing.tf",
		want: `unknown Braze instance ""; valid instances are`, versionChecks: functionCall},
	{name: "egress_ips of APAC", file: "configurations/egress_ips_of_apac.tf",
		want: `unknown Amplitude region "APAC"; valid regions are EU, US`, versionChecks: functionCall},

	// Data sources.
	{name: "cohort with neither id nor name", file: "configurations/cohort_with_neither_id_nor_name.tf",
		want: `Exactly one of these attributes must be configured: \[id,name\]`},
	{name: "cohort with both", file: "configurations/cohort_with_both.tf",
		want: `Exactly one of these attributes must be configured: \[id,name\]`},
	{name: "cohort with an empty name", file: "configurations/cohort_with_an_empty_name.tf",
		want: `name must not be empty or only white space`},
	{name: "metrics for a custom period", file: "configurations/metrics_for_a_custom_period.tf",
		want: `time_period value must be one of: \["TEN_MINUTES" "ONE_HOUR" "FOUR_HOURS" "ONE_DAY" "ONE_WEEK" "TWO_WEEKS"\]`},
	{name: "metrics without a sync", file: "configurations/metrics_without_a_sync.tf",
		want: `sync_id must not be empty or only white space`},

	// Resources.
	{name: "destination app id", file: "configurations/destination_app_id.tf",
		want: `braze_app_id must be UUID-shaped, like 01234567-89ab-cdef-0123-456789abcdef`},
	{name: "destination filter operator", file: "configurations/destination_filter_operator.tf",
		want: `send_events.filters\[0\].operator value must be one of: \["is" "is_not" "contains" "greater_than" "less_than"\]`},
	{name: "destination alias without label", file: "configurations/destination_alias_without_label.tf",
		want: `user_alias_label: required when identifier_mapping.braze_identifier is "user_alias"`},
	{name: "cohort destination identifier", file: "configurations/cohort_destination_identifier.tf",
		want: `identifier_mappings\[0\].braze_identifier value must be one of: \["external_id" "device_id" "user_alias"\]`},
	{name: "cohort destination without mappings", file: "configurations/cohort_destination_without_mappings.tf",
		want: `identifier_mappings list must contain at least 1 elements and at most 3 elements`},
	{name: "real-time computation sync", file: "configurations/real_time_computation_sync.tf",
		want: `cadence: "realtime" syncs cohort membership only; a computation sync takes one_time, hourly or daily`},
	{name: "sync kind", file: "configurations/sync_kind.tf",
		want: `kind value must be one of: \["user_property" "computation" "cohort" "recommendation"\]`},
	{name: "sync of a user property named with gp:", file: "configurations/sync_of_a_user_property_named_with_gp.tf",
		want: `source_id: "gp:plan" carries the gp: prefix that Amplitude's charts show on custom user properties; Amplitude names the property without it: "plan"`},
	{name: "user property named with gp:", file: "configurations/user_property_named_with_gp.tf",
		want: `name: "gp:plan" carries the gp: prefix.*without it: "plan"`},
	{name: "enum property without values", file: "configurations/enum_property_without_values.tf",
		want: `enum_values: required when type is "enum"`},
	{name: "property classification", file: "configurations/property_classification.tf",
		want: `classifications\[Value\("SECRET"\)\] value must be one of: \["PII" "SENSITIVE" "INTERNAL" "REVENUE"\]`},
	{name: "destination filter operator of the old API", file: "configurations/destination_filter_operator_of_the_old_api.tf",
		want: `send_events.filters\[0\].operator value must be one of: \["is" "is_not" "contains" "greater_than" "less_than"\], got: "greater"`},
	{name: "destination with a blank name", file: "configurations/destination_with_a_blank_name.tf",
		want: `name must not be empty or only white space`},
	{name: "generic destination kind", file: "configurations/generic_destination_kind.tf",
		want: `kind\[Value\("stream"\)\] value must be one of: \["event" "identify" "cohort" "warehouse_export"\]`},
	{name: "generic destination empty secrets", file: "configurations/generic_destination_empty_secrets.tf",
		want: `secret_config map must contain at least 1 elements`},
	{name: "generic destination both secret forms", file: "configurations/generic_destination_both_secret_forms.tf",
		want: `These attributes cannot be configured together: \[secret_config,secret_config_wo_version\]`},
	{name: "generic destination unknown parameter", file: "configurations/generic_destination_unknown_parameter.tf",
		want: `config.retries: partner "webhook" has no parameter "retries"`},
	{name: "generic destination config not an object", file: "configurations/generic_destination_config_not_an_object.tf",
		want: `config must be an object of parameters by id`},
	{name: "destination type blank partner", file: "configurations/destination_type_blank_partner.tf",
		want: `partner must not be empty or only white space`},
	{name: "project id not a number", file: "configurations/project_id_not_a_number.tf",
		want: `id must be a project's numeric id, such as 424242`},
	{name: "project by id and name", file: "configurations/project_by_id_and_name.tf",
		want: `Exactly one of these attributes must be configured: \[id,name\]`},
	{name: "amplitude project_id", file: "provider_blocks/amplitude_project_id.tf",
		want: `project_id must be the project's numeric id, such as 424242`},
	{name: "amplitude developer_api_url over plain http", file: "provider_blocks/amplitude_developer_api_url_over_plain_http.tf",
		want: `developer_api_url.*uses plain http://, which is allowed only for loopback hosts`},
	{name: "destination without a token", file: "provider_blocks/destination_without_a_token.tf",
		want: `amplitude_destination_type calls Amplitude's Developer API, which takes an access token and a project id: set access_token \(or the AMPLITUDE_ACCESS_TOKEN or AMP_TOKEN environment variable\)`},
	{name: "destination without a project", file: "provider_blocks/destination_without_a_project.tf",
		want: `set project_id \(or the AMPLITUDE_PROJECT_ID environment variable\)`},
	{name: "sync without the project's keys", file: "provider_blocks/sync_without_the_project_s_keys.tf",
		want: `amplitude_sync calls Amplitude APIs that take the project's API key and secret key: set api_key \(or the AMPLITUDE_API_KEY environment variable\) and secret_key`},
	{name: "event type with a trailing space", file: "configurations/event_type_with_a_trailing_space.tf",
		want: `name must not begin or end with white space \(Amplitude refuses it\)`},
	{name: "event type without a name", file: "configurations/event_type_without_a_name.tf",
		want: `name must not be empty or only white space`},
	{name: "event type with a blank description", file: "configurations/event_type_with_a_blank_description.tf",
		want: `description must not be empty or only white space`},
	{name: "event property without its event", file: "configurations/event_property_without_its_event.tf",
		want: `The argument "event_type" is required`},
	{name: "event property enum value with spaces", file: "configurations/event_property_enum_value_with_spaces.tf",
		want: `enum_values\[Value\(" large"\)\] must not begin or end with white space`},
	{name: "event property regex that does not compile", file: "configurations/event_property_regex_that_does_not_compile.tf",
		want: `regex: error parsing regexp: missing closing \)`},
	{name: "event property type", file: "configurations/event_property_type.tf",
		want: `type value must be one of: \["string" "number" "boolean" "object" "enum" "any"\]`},
	{name: "event property regex on a number", file: "configurations/event_property_regex_on_a_number.tf",
		want: `regex: only applies to type "string"; this property's type is "number"`},
	{name: "event property enum without values", file: "configurations/event_property_enum_without_values.tf",
		want: `enum_values: required when type is "enum"`},
	{name: "user property blank display name", file: "configurations/user_property_blank_display_name.tf",
		want: `display_name must not be empty or only white space`},
	{name: "user property empty enum set", file: "configurations/user_property_empty_enum_set.tf",
		want: `enum_values set must contain at least 1 elements`},
	{name: "key permission typo", file: "configurations/key_permission_typo.tf",
		want: `permissions\[Value\("users.trak"\)\]: "users.trak" is not a Braze REST API key permission; did you mean users.track\?`},
	{name: "key CIDR", file: "configurations/key_cidr.tf",
		want: `allowed_ips\[Value\("10.0.0.0/33"\)\]: "10.0.0.0/33" is not a CIDR block such as 203.0.113.0/24`},
}

func TestAccBadInput(t *testing.T) {
	// A case of a missing setting would pass if the environment supplied
	// the setting, so these variables are emptied.
	for _, name := range []string{"AMPLITUDE_API_KEY", "AMPLITUDE_SECRET_KEY", "AMPLITUDE_REGION", "AMPLITUDE_BASE_URL",
		"AMPLITUDE_ACCESS_TOKEN", "AMP_TOKEN", "AMPLITUDE_PROJECT_ID", "AMPLITUDE_DEVELOPER_API_URL", "BRAZE_REST_ENDPOINT", "BRAZE_API_KEY"} {
		t.Setenv(name, "")
	}
	s := acctest.NewSandbox(t)
	cases := 0
	for _, tc := range badInputs {
		cases++
		t.Run(tc.name, func(t *testing.T) {
			var settings []acctest.Setting
			if strings.HasPrefix(tc.file, "provider_blocks/") {
				settings = append(settings, acctest.OwnProviders())
			}
			resource.Test(t, resource.TestCase{
				TerraformVersionChecks: tc.versionChecks,
				Steps: []resource.TestStep{{
					// The testing framework refuses providers given to the
					// test case when the configuration has provider blocks
					// of its own: the step gives them.
					ProtoV6ProviderFactories: acctest.ProviderFactories,
					ConfigDirectory:          s.File(t, "testdata/"+tc.file, settings...),
					PlanOnly:                 true,
					ExpectError:              acctest.ErrorMatching(tc.want),
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
