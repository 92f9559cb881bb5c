package amplitude_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
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
  enabled          = false
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
		Steps: []resource.TestStep{
			{
				Config: cohortDestinationConfig(s, "cohorts", externalThenDevice),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("identifier_mappings").AtSliceIndex(1).AtMapKey("braze_identifier"), knownvalue.StringExact("device_id")),
					statecheck.ExpectKnownValue(cohortDestinationAddress, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
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
					checkServerDestination(s, cohortDestinationAddress, func(d *amplitude.Destination) error {
						if d.Name != "cohorts-v2" || d.Enabled || len(d.Mappings) != 3 || d.Mappings[0].BrazeIdentifier != "user_alias" {
							return fmt.Errorf("server holds %+v", d)
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
				// A new data import key pasted in the dashboard is drift.
				PreConfig: func() {
					d, err := s.Amplitude().GetDestination(context.Background(), id)
					if err != nil {
						t.Fatal(err)
					}
					d.Config.DataImportKey = "pasted-in-the-dashboard"
					if _, err := s.Amplitude().UpdateDestination(context.Background(), id, *d); err != nil {
						t.Fatal(err)
					}
				},
				Config: cohortDestinationConfig(s, "cohorts-v2", aliasFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionUpdate)},
				},
				Check: checkServerDestination(s, cohortDestinationAddress, func(d *amplitude.Destination) error {
					if !amplitude.MaskMatches(d.Config.DataImportKey, "sandbox-data-import-key-1") {
						return fmt.Errorf("server holds key %s, want the configured one back", d.Config.DataImportKey)
					}
					return nil
				}),
			},
			{
				PreConfig: func() {
					if err := s.Amplitude().DeleteDestination(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: cohortDestinationConfig(s, "cohorts-v2", aliasFirst),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(cohortDestinationAddress, plancheck.ResourceActionCreate)},
				},
			},
			{Config: cohortDestinationConfig(s, "cohorts-v2", aliasFirst), PlanOnly: true},
		},
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
				Check: checkServerDestination(s, cohortDestinationAddress, func(d *amplitude.Destination) error {
					if !amplitude.MaskMatches(d.Config.DataImportKey, "import-key-bbbb") {
						return fmt.Errorf("server holds key %s, want ****bbbb", d.Config.DataImportKey)
					}
					return nil
				}),
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
