package amplitude_test

import (
	"context"
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

const cohortDestinationAddress = "amplitude_braze_cohort_destination.test"

// cohortDestinationConfig is testdata/braze_cohort_destination: one cohort
// destination whose name, key and identifier mappings are the step's
// variables.
const cohortDestinationConfig = "testdata/braze_cohort_destination"

// cohortDestination is the variables of a cohort destination named name,
// with the identifier mappings of testdata/braze_cohort_destination's
// local.mappings that mappings names (one, external_then_device or
// alias_first), holding the data import key the tests share.
func cohortDestination(name, mappings string) config.Variables {
	return config.Variables{"name": str(name), "mappings": str(mappings)}
}

// writeOnlyCohortDestinationConfig is
// testdata/braze_cohort_destination_write_only: one cohort destination that
// holds its data import key in write-only form.
const writeOnlyCohortDestinationConfig = "testdata/braze_cohort_destination_write_only"

// writeOnlyCohortDestination is the variables of a cohort destination named
// name that holds key in write-only form, at version.
func writeOnlyCohortDestination(name, key string, version int) config.Variables {
	return config.Variables{"name": str(name), "data_import_key_wo": str(key), "data_import_key_wo_version": config.IntegerVariable(version)}
}

func TestAccBrazeCohortDestination_lifecycle(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, cohortDestinationConfig)
	v2 := cohortDestination("cohorts-v2", "alias_first")
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
				ConfigDirectory: cfg,
				ConfigVariables: cohortDestination("cohorts", "external_then_device"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("identifier_mappings").AtSliceIndex(1).AtMapKey("braze_identifier"), knownvalue.StringExact("device_id")),
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("credential_status"), knownvalue.StringExact("connected")),
				},
				Check: captureResourceID(cohortDestinationAddress, &id),
			},
			{
				// Priority order matters: reordering is an in-place update.
				ConfigDirectory: cfg, ConfigVariables: v2,
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
				ConfigDirectory:         cfg,
				ConfigVariables:         v2,
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
					// Amplitude never returns the key, and every update
					// sends one.
					c.DataImportKey = acctest.BrazeDataImportKey
					c.IdentifierMappings = c.IdentifierMappings[:1]
					if _, err := s.Developer().UpdateDestination(context.Background(), id, d.Version, c.Spec(d.DisplayName)); err != nil {
						t.Fatal(err)
					}
				},
				ConfigDirectory: cfg, ConfigVariables: v2,
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
				PreConfig:       func() { s.RemoveDestination(t, id) },
				ConfigDirectory: cfg, ConfigVariables: v2,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionCreate)},
				},
				Check: captureResourceID(cohortDestinationAddress, &id),
			},
			{ConfigDirectory: cfg, ConfigVariables: v2, PlanOnly: true},
		},
	})
}

func TestAccBrazeCohortDestination_importThenPlan(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, cohortDestinationConfig)
	imported := cohortDestination("imported cohorts", "external_then_device")
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
				ConfigDirectory:    cfg,
				ConfigVariables:    imported,
				ResourceName:       cohortDestinationAddress,
				ImportState:        true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
				ImportStatePersist: true,
			},
			{
				// The key Amplitude never returns is the one change.
				ConfigDirectory: cfg, ConfigVariables: imported,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectSensitiveValue(cohortDestinationAddress, tfjsonpath.New("data_import_key")),
					},
				},
				Check: checkSameResourceID(cohortDestinationAddress, &id),
			},
			{
				ConfigDirectory: cfg, ConfigVariables: imported,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

func TestAccBrazeCohortDestination_staleVersion(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, cohortDestinationConfig)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: cohortDestination("contended", "external_then_device"), Check: captureResourceID(cohortDestinationAddress, &id)},
			{
				ConfigDirectory: cfg,
				ConfigVariables: cohortDestination("contended", "alias_first"),
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
						c.DataImportKey = acctest.BrazeDataImportKey
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
	cfg := s.Directory(t, cohortDestinationConfig)
	checked := cohortDestination("checked", "external_then_device")
	// expectCreates checks how many create requests, dry runs among them,
	// Amplitude has been sent so far.
	expectCreates := func(want int, why string) afterPlan {
		return func() error {
			if n := s.Stats(t).Requests.ByRoute["POST /developer-api/v1/projects/{project_id}/destinations"]; n != want {
				return fmt.Errorf("%d create requests so far, want %d: %s", n, want, why)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// A plan of a new destination asks Amplitude to check it
				// (the testing framework plans twice: with and without a
				// refresh).
				ConfigDirectory: cfg, ConfigVariables: checked,
				PlanOnly: true, ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{expectCreates(2, "each of the two plans should have sent one dry run")},
				},
			},
			{
				// With dry_run_on_plan = false it does not.
				ConfigDirectory: s.Directory(t, cohortDestinationConfig, acctest.Amplitude("dry_run_on_plan", false)),
				ConfigVariables: checked,
				PlanOnly:        true, ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{expectCreates(2, "a plan with dry_run_on_plan = false should send none")},
				},
			},
			{
				// The apply sends its plan's dry run, the apply's final
				// plan's, then the create.
				ConfigDirectory: cfg, ConfigVariables: checked,
				Check: func(*terraform.State) error {
					return expectCreates(5, "the apply should have sent two dry runs and the create")()
				},
			},
			{
				// A plan with no change sends no dry run.
				ConfigDirectory: cfg, ConfigVariables: checked,
				PlanOnly: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{expectCreates(5, "a plan with no change should send none")},
				},
			},
		},
	})
	if err := expectCreates(5, "the destroy should send none")(); err != nil {
		t.Error(err)
	}
	if n := s.Stats(t).Objects["destinations"]; n != 1 {
		t.Errorf("%d destinations, want the one applied", n)
	}
}

func TestAccBrazeCohortDestination_readOnlyToken(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			ConfigDirectory: s.Directory(t, cohortDestinationConfig, acctest.Amplitude("access_token", acctest.ReadOnlyToken)),
			ConfigVariables: cohortDestination("read only", "external_then_device"),
			ExpectError:     acctest.ErrorMatching(`lacks the destinations:write scope`),
		}},
	})
}

func TestAccBrazeCohortDestination_writeOnlyKey(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, writeOnlyCohortDestinationConfig)
	writeOnly := func(key string, version int) config.Variables {
		return writeOnlyCohortDestination("cohorts-wo", key, version)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.WriteOnlyAttributes)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: writeOnly("import-key-aaaa", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("data_import_key_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("data_import_key"), knownvalue.Null()),
				},
			},
			{
				ConfigDirectory: cfg, ConfigVariables: writeOnly("import-key-bbbb", 2),
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

// Each invalid configuration is a file in
// testdata/braze_cohort_destination_invalid, named for its one mistake.
func TestAccBrazeCohortDestination_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cases := map[string]string{
		"no_mappings.tf":             `identifier_mappings list must contain at least 1 elements and at most 3 elements`,
		"four_mappings.tf":           `identifier_mappings list must contain at least 1 elements and at most 3 elements`,
		"event_stream_identifier.tf": `identifier_mappings\[0\].braze_identifier value must be one of: \["external_id" "device_id" "user_alias"\]`,
		"duplicate_identifier.tf":    `identifier_mappings\[1\].braze_identifier: "external_id" is mapped twice`,
		"alias_without_label.tf":     `user_alias_label: required when identifier_mappings uses "user_alias"`,
		"no_key.tf":                  `data_import_key.*data_import_key_wo`,
	}
	for file, want := range cases {
		t.Run(file, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					ConfigDirectory: s.File(t, "testdata/braze_cohort_destination_invalid/"+file),
					PlanOnly:        true,
					ExpectError:     acctest.ErrorMatching(want),
				}},
			})
		})
	}
	if writes := s.Stats(t).Writes(); writes != 0 {
		t.Errorf("invalid configurations reached the API: %d write requests", writes)
	}
}
