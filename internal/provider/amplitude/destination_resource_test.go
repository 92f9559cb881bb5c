package amplitude_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
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

// webhookConfig is testdata/webhook_destination: one destination of the
// sandbox's webhook partner, holding the shape of its local.shapes that the
// step's variable shape names (full by default).
const webhookConfig = "testdata/webhook_destination"

// webhook is the variables of the webhook destination of shape shape.
func webhook(shape string) config.Variables { return config.Variables{"shape": str(shape)} }

func TestAccDestination_webhookLifecycle(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, webhookConfig)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             checkDestinationsDisabled(s),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: webhook("full"),
				ConfigStateChecks: []statecheck.StateCheck{
					// The configuration leaves out the kind, so it is the kind
					// the partner serves.
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
			{ConfigDirectory: cfg, ConfigVariables: webhook("full"), PlanOnly: true},
			{
				// A parameter no longer configured is removed in Amplitude.
				ConfigDirectory: cfg, ConfigVariables: webhook("trimmed"),
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
				ConfigDirectory:         cfg,
				ConfigVariables:         webhook("trimmed"),
				ResourceName:            genericAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"secret_config"},
			},
			{
				// Someone changes the destination in Amplitude's dashboard:
				// the plan shows the drift, and the apply puts back what the
				// configuration says.
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
				ConfigDirectory: cfg, ConfigVariables: webhook("trimmed"),
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
			ConfigDirectory: s.Directory(t, "testdata/generic_braze_cohorts"),
			Check:           captureResourceID(genericAddress, &id),
		}},
	})
}

// The partner's parameters are checked at plan time, by the provider against
// the destination type and by Amplitude's dry run, before anything is
// written.
func TestAccDestination_planTimeChecks(t *testing.T) {
	s := acctest.NewSandbox(t)
	// Each configuration is a file in testdata/webhook_destination_invalid,
	// named for its one mistake.
	cases := map[string]string{
		"unknown_parameter.tf": `config.colour: partner "webhook" has no parameter "colour"; its parameters are url, headers, auth_token, batch_size, format`,
		"secret_in_config.tf":  `config.auth_token: "auth_token" is a secret parameter of webhook.*secret_config`,
		"plain_in_secrets.tf":  `secret_config.batch_size: "batch_size" is not secret`,
		"missing_required.tf":  `config.url: partner "webhook" requires parameter "url"`,
		"enum_value.tf":        `config.format: "xml" is not one of json, ndjson`,
		"wrong_type.tf":        `config.batch_size: parameter "batch_size" \(number\) takes a number`,
		"kind_not_served.tf":   `kind: partner "webhook" serves event, not "cohort"`,
		// Amplitude's own rule, from the dry run.
		"amplitude_refuses.tf": `config.*Amplitude: config.batch_size`,
	}
	for file, want := range cases {
		t.Run(file, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					ConfigDirectory: s.File(t, "testdata/webhook_destination_invalid/"+file),
					PlanOnly:        true,
					ExpectError:     acctest.ErrorMatching(want),
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
	cfg := s.Directory(t, webhookConfig)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: webhook("full"), Check: captureResourceID(genericAddress, &id)},
			{
				ConfigDirectory: cfg,
				ConfigVariables: with(webhook("full"), "enabled", boolean(false)),
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
			ConfigDirectory: s.Directory(t, webhookConfig, acctest.Amplitude("access_token", acctest.ReadOnlyToken)),
			ConfigVariables: webhook("full"),
			ExpectError:     acctest.ErrorMatching(`lacks the destinations:write scope`),
		}},
	})
}

func TestAccDestination_writeOnlySecrets(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/webhook_destination_write_only")
	writeOnly := func(token string, version int) config.Variables {
		return config.Variables{"auth_token_wo": str(token), "auth_token_wo_version": config.IntegerVariable(version)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.WriteOnlyAttributes)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: writeOnly("token-a", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("secret_config_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(genericAddress, tfjsonpath.New("secret_config"), knownvalue.Null()),
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: writeOnly("token-b", 1), PlanOnly: true},
			{
				ConfigDirectory: cfg, ConfigVariables: writeOnly("token-b", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(genericAddress, plancheck.ResourceActionUpdate)},
				},
			},
		},
	})
}
