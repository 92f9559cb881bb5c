package amplitude_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

const genericAddress = "amplitude_destination.test"

// webhookDestination is a destination of the sandbox's webhook partner,
// whose parameters are a URL, headers, a batch size, a format and a secret
// token.
func webhookDestination(body string) string {
	return `
resource "amplitude_destination" "test" {
  partner      = "webhook"
  display_name = "hook"
` + body + `
}
`
}

const webhookFull = `
  config = {
    url        = "https://hooks.example.com/amplitude"
    batch_size = 100
    format     = "ndjson"
    headers    = { "X-Team" = "growth" }
  }
  secret_config = { auth_token = "hook-token-1" }
  event_filter  = { events = ["Purchase"] }
`

func TestAccDestination_webhookLifecycle(t *testing.T) {
	s := acctest.NewSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             checkDestinationsDisabled(s),
		Steps: []resource.TestStep{
			{
				Config: s.ProviderConfig() + webhookDestination(webhookFull),
				ConfigStateChecks: []statecheck.StateCheck{
					// Left out, the kind is what the partner serves.
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("kind"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("event")})),
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("config").AtMapKey("batch_size"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("config").AtMapKey("headers").AtMapKey("X-Team"), knownvalue.StringExact("growth")),
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("send_events"), knownvalue.Bool(true)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					captureResourceID(genericAddress, &id),
					checkServerDestination(s, genericAddress, func(d *developer.Destination) error {
						if _, ok := d.Config["auth_token"]; ok || string(d.Config["format"]) != `"ndjson"` || d.CredentialStatus != "connected" {
							return fmt.Errorf("server holds %+v", d)
						}
						return nil
					}),
				),
			},
			{Config: s.ProviderConfig() + webhookDestination(webhookFull), PlanOnly: true},
			{
				// A parameter no longer configured is removed in Amplitude.
				Config: s.ProviderConfig() + webhookDestination(`
  config = {
    url        = "https://hooks.example.com/amplitude"
    batch_size = 250
  }
  secret_config     = { auth_token = "hook-token-1" }
  property_mappings = { event_properties = ["price"] }
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(genericAddress, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkSameResourceID(genericAddress, &id),
					checkServerDestination(s, genericAddress, func(d *developer.Destination) error {
						_, format := d.Config["format"]
						_, headers := d.Config["headers"]
						if format || headers || string(d.Config["batch_size"]) != "250" || d.EventFilter != nil || !developer.JSONEqual(d.PropertyMappings, json.RawMessage(`{"event_properties":["price"]}`)) {
							return fmt.Errorf("server holds %+v", d)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:            genericAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"secret_config"},
			},
			{
				// Changed in the dashboard: drift, corrected.
				PreConfig: func() {
					d, err := s.Developer().GetDestination(context.Background(), id)
					if err != nil {
						t.Fatal(err)
					}
					spec := developer.DestinationSpec{DisplayName: "renamed", Kind: d.Kind, Config: map[string]json.RawMessage{
						"url": d.Config["url"], "batch_size": json.RawMessage("5"), "auth_token": json.RawMessage(`"hook-token-1"`),
					}, PropertyMappings: d.PropertyMappings}
					if _, err := s.Developer().UpdateDestination(context.Background(), id, d.Version, spec); err != nil {
						t.Fatal(err)
					}
				},
				Config: s.ProviderConfig() + webhookDestination(`
  config = {
    url        = "https://hooks.example.com/amplitude"
    batch_size = 250
  }
  secret_config     = { auth_token = "hook-token-1" }
  property_mappings = { event_properties = ["price"] }
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(genericAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(genericAddress, tfjsonpath.New("display_name"), knownvalue.StringExact("hook")),
					},
				},
			},
		},
	})
}

// A generic destination of a kind the API cannot disable is only removed
// from state on destroy.
func TestAccDestination_cohortDestroyLeavesIt(t *testing.T) {
	s := acctest.NewSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			_, err := s.Developer().GetDestination(context.Background(), id)
			return err
		},
		Steps: []resource.TestStep{{
			Config: s.ProviderConfig() + `
resource "amplitude_destination" "test" {
  partner      = "braze"
  display_name = "braze cohorts"
  kind         = ["cohort"]
  config = {
    api_endpoint        = "` + acctest.BrazeEndpoint + `"
    identifier_mappings = [{ amplitude_property = "user_id", braze_identifier = "external_id" }]
  }
  secret_config = { data_import_key = "import-key-generic" }
}
`,
			Check: captureResourceID(genericAddress, &id),
		}},
	})
}

// The partner's parameters are checked at plan time, by the provider against
// the destination type and by Amplitude's dry run, before anything is
// written.
func TestAccDestination_planTimeChecks(t *testing.T) {
	s := acctest.NewSandbox(t)
	cases := map[string]struct{ body, want string }{
		"unknown parameter": {`config = { url = "https://x.example.com", colour = "blue" }`,
			`config.colour: partner "webhook" has no parameter "colour"; its parameters are url, headers, auth_token, batch_size, format`},
		"secret in config": {`config = { url = "https://x.example.com", auth_token = "t" }`,
			`config.auth_token: "auth_token" is a secret parameter of webhook.*secret_config`},
		"plain in secrets": {"config = { url = \"https://x.example.com\" }\n  secret_config = { batch_size = \"3\" }",
			`secret_config.batch_size: "batch_size" is not secret`},
		"missing required": {`config = { batch_size = 3 }`, `config.url: partner "webhook" requires parameter "url"`},
		"enum value":       {`config = { url = "https://x.example.com", format = "xml" }`, `config.format: "xml" is not one of json, ndjson`},
		"wrong type":       {`config = { url = "https://x.example.com", batch_size = "many" }`, `config.batch_size: parameter "batch_size" \(number\) takes a number`},
		"kind not served":  {"kind = [\"cohort\"]\n  config = { url = \"https://x.example.com\" }", `kind: partner "webhook" serves event, not "cohort"`},
		// Amplitude's own rule, from the dry run.
		"amplitude refuses": {`config = { url = "https://x.example.com", batch_size = 5000 }`, `config.*Amplitude: config.batch_size`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      s.ProviderConfig() + webhookDestination(tc.body),
					PlanOnly:    true,
					ExpectError: acctest.ErrorMatching(tc.want),
				}},
			})
		})
	}
	if n := s.Stats(t).Objects["destinations"]; n != 0 {
		t.Errorf("refused plans made %d destinations", n)
	}
}

func TestAccDestination_staleVersion(t *testing.T) {
	s := acctest.NewSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: s.ProviderConfig() + webhookDestination(webhookFull), Check: captureResourceID(genericAddress, &id)},
			{
				Config: s.ProviderConfig() + webhookDestination(webhookFull+`  enabled = false`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{afterPlan(func() error {
						d, err := s.Developer().GetDestination(context.Background(), id)
						if err != nil {
							return err
						}
						_, err = s.Developer().UpdateDestination(context.Background(), id, d.Version, developer.DestinationSpec{
							DisplayName: "hook (edited)", Kind: d.Kind, Config: map[string]json.RawMessage{"url": d.Config["url"]},
						})
						return err
					})},
				},
				ExpectError: acctest.ErrorMatching(`changed in Amplitude after this plan was made.*Run terraform plan again`),
			},
		},
	})
}

func TestAccDestination_readOnlyToken(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      s.ProviderConfigWithToken(acctest.ReadOnlyToken) + webhookDestination(webhookFull),
			ExpectError: acctest.ErrorMatching(`lacks the destinations:write scope`),
		}},
	})
}

func TestAccDestination_writeOnlySecrets(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := func(token string, version int) string {
		return s.ProviderConfig() + webhookDestination(fmt.Sprintf(`
  config                   = { url = "https://hooks.example.com/amplitude" }
  secret_config_wo         = { auth_token = %q }
  secret_config_wo_version = %d
`, token, version))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.WriteOnlyAttributes)},
		Steps: []resource.TestStep{
			{
				Config: config("token-a", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("secret_config_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("secret_config"), knownvalue.Null()),
				},
			},
			{Config: config("token-b", 1), PlanOnly: true},
			{
				Config: config("token-b", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(genericAddress, plancheck.ResourceActionUpdate)},
				},
			},
		},
	})
}
