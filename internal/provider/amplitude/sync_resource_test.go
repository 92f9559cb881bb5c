package amplitude_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/testclock"
)

const syncAddress = "amplitude_sync.test"

// syncDestinations is an event-stream and a cohort destination for syncs to
// write to.
func syncDestinations(s *acctest.Sandbox) string {
	return s.ProviderConfig() + fmt.Sprintf(`
resource "amplitude_braze_destination" "stream" {
  name           = "stream"
  braze_endpoint = %[1]q
  braze_app_id   = %[2]q
  braze_api_key  = %[3]q
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_braze_cohort_destination" "cohorts" {
  name            = "cohorts"
  braze_endpoint  = %[1]q
  data_import_key = "sandbox-data-import-key"
  identifier_mappings = [
    { amplitude_property = "user_id", braze_identifier = "external_id" },
  ]
}
`, acctest.BrazeEndpoint, acctest.BrazeAppID, acctest.BrazeAdminKey)
}

func syncConfig(s *acctest.Sandbox, body string) string {
	return syncDestinations(s) + fmt.Sprintf(`
resource "amplitude_user_property" "tier" {
  name = "loyalty_tier"
  type = "string"
}

resource "amplitude_sync" "test" {
%s
}
`, body)
}

func TestAccSync_userPropertyLifecycle(t *testing.T) {
	clock := testclock.New(time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC))
	s := acctest.NewSandboxWithClock(t, clock.Now)
	hourly := syncConfig(s, `
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "hourly"`)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: hourly,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("braze_attribute"), knownvalue.StringExact("loyalty_tier")),
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("name"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("last_run_at"), knownvalue.Null()),
				},
				Check: captureResourceID(syncAddress, &id),
			},
			{
				// Two hours pass: the sync runs, status and last_run_at move,
				// and none of it is a diff.
				PreConfig: func() { clock.Advance(2 * time.Hour) },
				Config:    hourly,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("last_run_at"), knownvalue.NotNull()),
				},
			},
			{
				Config: syncConfig(s, `
  name           = "loyalty tier to Braze"
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "daily"
  enabled        = false`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(syncAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("cadence"), knownvalue.StringExact("daily")),
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("name"), knownvalue.StringExact("loyalty tier to Braze")),
				},
				Check: checkSameResourceID(syncAddress, &id),
			},
			{
				ResourceName:      syncAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// To one_time: a one-time sync runs once at creation, so
				// this replaces.
				Config: syncConfig(s, `
  name           = "loyalty tier to Braze"
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "one_time"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(syncAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: captureResourceID(syncAddress, &id),
			},
			{
				// The source changes: replacement.
				Config: syncConfig(s, `
  name           = "loyalty tier to Braze"
  kind           = "user_property"
  source_id      = "plan"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "one_time"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(syncAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("braze_attribute"), knownvalue.StringExact("plan")),
				},
			},
		},
	})
}

func TestAccSync_drift(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := syncConfig(s, `
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "daily"`)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: captureResourceID(syncAddress, &id)},
			{
				PreConfig: func() {
					ctx := context.Background()
					sync, err := s.Amplitude().GetSync(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					sync.Cadence, sync.Enabled = "hourly", false
					if _, err := s.Amplitude().UpdateSync(ctx, id, *sync); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(syncAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(syncAddress, tfjsonpath.New("cadence"), knownvalue.StringExact("daily")),
					},
				},
			},
			{
				PreConfig: func() {
					if err := s.Amplitude().DeleteSync(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(syncAddress, plancheck.ResourceActionCreate)},
				},
			},
			{Config: config, PlanOnly: true},
		},
	})
}

func TestAccSync_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cases := map[string]struct{ body, want string }{
		"realtime user property": {`
  kind           = "user_property"
  source_id      = "plan"
  destination_id = "d"
  cadence        = "realtime"`, `cadence: "realtime" syncs cohort membership only; a user_property sync takes one_time, hourly or daily`},
		"unknown kind": {`
  kind           = "segment"
  source_id      = "plan"
  destination_id = "d"
  cadence        = "daily"`, `kind value must be one of: \["user_property" "computation" "cohort" "recommendation"\]`},
		"unknown cadence": {`
  kind           = "cohort"
  source_id      = "coh_power_users"
  destination_id = "d"
  cadence        = "weekly"`, `cadence value must be one of: \["one_time" "hourly" "daily" "realtime"\]`},
		"empty source": {`
  kind           = "cohort"
  source_id      = ""
  destination_id = "d"
  cadence        = "daily"`, `source_id must not be empty or only white space`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      s.ProviderConfig() + "resource \"amplitude_sync\" \"test\" {" + tc.body + "\n}\n",
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

// TestAccSync_vendorRefusals shows the sandbox's apply-time rules reaching
// the user: a cohort sync to an event-stream destination, and a source that
// does not exist.
func TestAccSync_vendorRefusals(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: syncConfig(s, `
  kind           = "cohort"
  source_id      = "coh_power_users"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "daily"`),
				ExpectError: acctest.ErrorMatching(`a cohort sync needs a braze destination of kind \["cohort"\]`),
			},
			{
				Config: syncConfig(s, `
  kind           = "computation"
  source_id      = "cmp_missing"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "daily"`),
				ExpectError: acctest.ErrorMatching(`cmp_missing`),
			},
		},
	})
}

// TestAccSync_everyKind is the end-to-end configuration: both destination
// types and a sync of each kind apply, and the next plan is empty.
func TestAccSync_everyKind(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := syncDestinations(s) + `
resource "amplitude_user_property" "tier" {
  name        = "loyalty_tier"
  description = "Bronze, silver or gold."
  type        = "enum"
  enum_values = ["bronze", "silver", "gold"]
}

resource "amplitude_sync" "user_property" {
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "hourly"
}

resource "amplitude_sync" "computation" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "daily"
}

resource "amplitude_sync" "cohort" {
  kind           = "cohort"
  source_id      = "coh_power_users"
  destination_id = amplitude_braze_cohort_destination.cohorts.id
  cadence        = "realtime"
}

resource "amplitude_sync" "recommendation" {
  kind           = "recommendation"
  source_id      = "rec_top_products"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "one_time"
}

data "amplitude_cohort" "power_users" {
  name       = "Power users"
  depends_on = [amplitude_sync.cohort]
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.amplitude_cohort.power_users", tfjsonpath.New("sync_metadata").AtSliceIndex(0).AtMapKey("target"), knownvalue.StringExact("braze")),
					statecheck.ExpectKnownValue("data.amplitude_cohort.power_users", tfjsonpath.New("sync_metadata").AtSliceIndex(0).AtMapKey("frequency"), knownvalue.StringExact("minute")),
				},
				Check: func(*terraform.State) error {
					objects := s.Stats(t).Objects
					if objects["syncs"] != 4 || objects["destinations"] != 2 {
						return fmt.Errorf("sandbox holds %v, want 4 syncs and 2 destinations", objects)
					}
					return nil
				},
			},
			{Config: config, PlanOnly: true},
		},
	})
}

// A cadence known only at apply may turn out to be one_time, which cannot be
// reached in place: the plan replaces the sync rather than plan an update
// that the apply would find to be a replacement ("inconsistent final plan").
func TestAccSync_cadenceKnownOnlyAtApply(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := func(cadence string) string {
		return syncDestinations(s) + fmt.Sprintf(`
resource "terraform_data" "cadence" {
  input = %q
}

resource "amplitude_sync" "test" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = terraform_data.cadence.output
}
`, cadence)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("hourly")},
			{
				Config: config("one_time"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectUnknownValue(syncAddress, tfjsonpath.New("cadence")),
						plancheck.ExpectResourceAction(syncAddress, plancheck.ResourceActionDestroyBeforeCreate),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("cadence"), knownvalue.StringExact("one_time")),
				},
			},
			{Config: config("one_time"), PlanOnly: true},
		},
	})
}
