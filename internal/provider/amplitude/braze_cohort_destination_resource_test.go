package amplitude_test

import (
	"context"
	"fmt"
	"strings"
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

const cohortDestinationAddress = "amplitude_braze_cohort_destination.test"

func cohortDestinationConfig(s *acctest.Sandbox, name, body string) string {
	return s.ProviderConfig() + fmt.Sprintf(`
resource "amplitude_braze_cohort_destination" "test" {
  name           = %q
  braze_endpoint = %q
%s
}
`, name, acctest.BrazeEndpoint, body)
}

const (
	importKey          = `  data_import_key = "sandbox-data-import-key-1"` + "\n"
	externalThenDevice = importKey + `
  identifier_mappings = [
    { amplitude_property = "user_id", braze_identifier = "external_id" },
    { amplitude_property = "device_id", braze_identifier = "device_id" },
  ]`
	aliasFirst = importKey + `
  user_alias_label = "amplitude_id"
  identifier_mappings = [
    { amplitude_property = "amplitude_id", braze_identifier = "user_alias" },
    { amplitude_property = "user_id", braze_identifier = "external_id" },
    { amplitude_property = "device_id", braze_identifier = "device_id" },
  ]`
)

func TestAccBrazeCohortDestination_lifecycle(t *testing.T) {
	s := acctest.NewSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		// The Developer API can neither delete nor disable a cohort
		// destination: a destroy leaves it as it was.
		CheckDestroy: func(*terraform.State) error {
			d, err := s.Developer().GetDestination(context.Background(), id)
			if err != nil {
				return fmt.Errorf("after destroy: %w", err)
			}
			if d.DisplayName != "cohorts-v2" {
				return fmt.Errorf("after destroy the server holds %+v", d)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: cohortDestinationConfig(s, "cohorts", externalThenDevice),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("identifier_mappings").AtSliceIndex(1).AtMapKey("braze_identifier"), knownvalue.StringExact("device_id")),
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("credential_status"), knownvalue.StringExact("connected")),
				},
				Check: captureResourceID(cohortDestinationAddress, &id),
			},
			{
				// Priority order matters: reordering is an in-place update.
				Config: cohortDestinationConfig(s, "cohorts-v2", aliasFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkSameResourceID(cohortDestinationAddress, &id),
					checkServerDestination(s, cohortDestinationAddress, func(d *developer.Destination) error {
						c, err := developer.BrazeCohortFrom(d)
						if err != nil || d.DisplayName != "cohorts-v2" || len(c.IdentifierMappings) != 3 || c.IdentifierMappings[0].BrazeIdentifier != "user_alias" {
							return fmt.Errorf("server holds %+v (%w)", d, err)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:            cohortDestinationAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"data_import_key"},
			},
			{
				// A mapping changed in the dashboard is drift.
				PreConfig: func() {
					d, err := s.Developer().GetDestination(context.Background(), id)
					if err != nil {
						t.Fatal(err)
					}
					c, err := developer.BrazeCohortFrom(d)
					if err != nil {
						t.Fatal(err)
					}
					c.DataImportKey = "sandbox-data-import-key-1"
					c.IdentifierMappings = c.IdentifierMappings[:1]
					if _, err := s.Developer().UpdateDestination(context.Background(), id, d.Version, c.Spec(d.DisplayName)); err != nil {
						t.Fatal(err)
					}
				},
				Config: cohortDestinationConfig(s, "cohorts-v2", aliasFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionUpdate)},
				},
				Check: checkServerDestination(s, cohortDestinationAddress, func(d *developer.Destination) error {
					if c, err := developer.BrazeCohortFrom(d); err != nil || len(c.IdentifierMappings) != 3 {
						return fmt.Errorf("drift was not corrected: %+v (%w)", d, err)
					}
					return nil
				}),
			},
			{
				PreConfig: func() { s.RemoveDestination(t, id) },
				Config:    cohortDestinationConfig(s, "cohorts-v2", aliasFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionCreate)},
				},
				Check: captureResourceID(cohortDestinationAddress, &id),
			},
			{Config: cohortDestinationConfig(s, "cohorts-v2", aliasFirst), PlanOnly: true},
		},
	})
}

func TestAccBrazeCohortDestination_importThenPlan(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := cohortDestinationConfig(s, "imported cohorts", externalThenDevice)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					d, err := s.Developer().CreateDestination(context.Background(), developer.PartnerBraze, developer.BrazeCohort{
						Endpoint: acctest.BrazeEndpoint, DataImportKey: "made-in-the-dashboard",
						IdentifierMappings: []developer.IdentifierMapping{{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"}, {AmplitudeProperty: "device_id", BrazeIdentifier: "device_id"}},
					}.Spec("imported cohorts"))
					if err != nil {
						t.Fatal(err)
					}
					id = d.ID
				},
				Config:             config,
				ResourceName:       cohortDestinationAddress,
				ImportState:        true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
				ImportStatePersist: true,
			},
			{
				// The key Amplitude never returns is the one change.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectSensitiveValue(cohortDestinationAddress, tfjsonpath.New("data_import_key")),
					},
				},
				Check: checkSameResourceID(cohortDestinationAddress, &id),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

func TestAccBrazeCohortDestination_staleVersion(t *testing.T) {
	s := acctest.NewSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cohortDestinationConfig(s, "contended", externalThenDevice), Check: captureResourceID(cohortDestinationAddress, &id)},
			{
				Config: cohortDestinationConfig(s, "contended", aliasFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{afterPlan(func() error {
						d, err := s.Developer().GetDestination(context.Background(), id)
						if err != nil {
							return err
						}
						c, err := developer.BrazeCohortFrom(d)
						if err != nil {
							return err
						}
						c.DataImportKey = "sandbox-data-import-key-1"
						_, err = s.Developer().UpdateDestination(context.Background(), id, d.Version, c.Spec("renamed in the dashboard"))
						return err
					})},
				},
				ExpectError: acctest.ErrorMatching(`changed in Amplitude after this plan was made.*Run terraform plan again`),
			},
		},
	})
}

func TestAccBrazeCohortDestination_dryRunAtPlan(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := cohortDestinationConfig(s, "checked", externalThenDevice)
	dryRuns := func() int {
		return s.Stats(t).Requests.ByRoute["POST /developer-api/v1/projects/{project_id}/destinations"]
	}
	expectCreates := func(want int, why string) func() {
		return func() {
			if n := dryRuns(); n != want {
				t.Errorf("%d create requests so far, want %d: %s", n, want, why)
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			// A plan of a new destination asks Amplitude to check it (the
			// test framework plans twice: with and without a refresh).
			{Config: config, PlanOnly: true, ExpectNonEmptyPlan: true},
			{
				// With dry_run_on_plan = false it does not.
				PreConfig:          expectCreates(2, "each of the two plans should have sent one dry run"),
				Config:             strings.Replace(config, "max_retries       = 3", "max_retries       = 3\n  dry_run_on_plan   = false", 1),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				// The apply: its plan's dry run, the apply's final plan's,
				// then the create.
				PreConfig: expectCreates(2, "a plan with dry_run_on_plan = false should send none"),
				Config:    config,
			},
			{
				// A plan with no change sends no dry run.
				PreConfig: expectCreates(5, "the apply should have sent two dry runs and the create"),
				Config:    config,
				PlanOnly:  true,
			},
		},
	})
	expectCreates(5, "a plan with no change should send none")()
	if n := s.Stats(t).Objects["destinations"]; n != 1 {
		t.Errorf("%d destinations, want the one applied", n)
	}
}

func TestAccBrazeCohortDestination_readOnlyToken(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: s.ProviderConfigWithToken(acctest.ReadOnlyToken) + `
resource "amplitude_braze_cohort_destination" "test" {
  name           = "read only"
  braze_endpoint = "` + acctest.BrazeEndpoint + `"
` + externalThenDevice + `
}
`,
			ExpectError: acctest.ErrorMatching(`lacks the destinations:write scope`),
		}},
	})
}

func TestAccBrazeCohortDestination_writeOnlyKey(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := func(key string, version int) string {
		return cohortDestinationConfig(s, "cohorts-wo", fmt.Sprintf(`
  data_import_key_wo         = %q
  data_import_key_wo_version = %d
  identifier_mappings        = [{ amplitude_property = "user_id", braze_identifier = "external_id" }]
`, key, version))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.WriteOnlyAttributes)},
		Steps: []resource.TestStep{
			{
				Config: config("import-key-aaaa", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("data_import_key_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("data_import_key"), knownvalue.Null()),
				},
			},
			{
				Config: config("import-key-bbbb", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
				},
			},
		},
	})
}

func TestAccBrazeCohortDestination_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	mappings := func(entries ...string) string {
		body := importKey + "  identifier_mappings = ["
		for _, e := range entries {
			body += fmt.Sprintf(`{ amplitude_property = "p", braze_identifier = %q },`, e)
		}
		return body + "]\n"
	}
	cases := map[string]struct{ body, want string }{
		"no mappings":             {mappings(), `identifier_mappings list must contain at least 1 elements and at most 3 elements`},
		"four mappings":           {mappings("external_id", "device_id", "user_alias", "external_id") + `user_alias_label = "a"`, `identifier_mappings list must contain at least 1 elements and at most 3 elements`},
		"event-stream identifier": {mappings("email"), `identifier_mappings\[0\].braze_identifier value must be one of: \["external_id" "device_id" "user_alias"\]`},
		"duplicate identifier":    {mappings("external_id", "external_id"), `identifier_mappings\[1\].braze_identifier: "external_id" is mapped twice`},
		"alias without label":     {mappings("user_alias"), `user_alias_label: required when identifier_mappings uses "user_alias"`},
		"no key":                  {`  identifier_mappings = [{ amplitude_property = "p", braze_identifier = "external_id" }]`, `data_import_key.*data_import_key_wo`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      cohortDestinationConfig(s, "invalid", tc.body),
					PlanOnly:    true,
					ExpectError: acctest.ErrorMatching(tc.want),
				}},
			})
		})
	}
	if writes := s.Stats(t).Writes(); writes != 0 {
		t.Errorf("invalid configurations reached the API: %d write requests", writes)
	}
}
