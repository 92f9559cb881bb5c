package amplitude_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
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

// syncConfig is testdata/sync: one sync whose arguments are the step's
// variables, beside a user property it can sync.
const syncConfig = "testdata/sync"

// syncDestinations adds testdata/sync_destinations to a configuration: an
// event-stream and a cohort destination for syncs to write to.
var syncDestinations = acctest.Include("testdata/sync_destinations")

func TestAccSync_userPropertyLifecycle(t *testing.T) {
	clock := testclock.New(time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC))
	s := acctest.NewSandboxWithClock(t, clock.Now)
	cfg := s.Directory(t, syncConfig, syncDestinations)
	hourly := config.Variables{"kind": str("user_property"), "cadence": str("hourly")}
	daily := config.Variables{"name": str("loyalty tier to Braze"), "kind": str("user_property"), "cadence": str("daily"), "enabled": boolean(false)}
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: hourly,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("braze_attribute"), knownvalue.StringExact("loyalty_tier")),
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("name"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("last_run_at"), knownvalue.Null()),
				},
				Check: captureResourceID(syncAddress, &id),
			},
			{
				// Two hours pass and the hourly sync runs. Its status and
				// last_run_at change, but they are not configuration, so the
				// plan stays empty.
				PreConfig:       func() { clock.Advance(2 * time.Hour) },
				ConfigDirectory: cfg, ConfigVariables: hourly,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(syncAddress, tfjsonpath.New("last_run_at"), knownvalue.NotNull()),
				},
			},
			{
				ConfigDirectory: cfg,
				ConfigVariables: daily,
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
				ConfigDirectory:   cfg,
				ConfigVariables:   daily,
				ResourceName:      syncAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// Changing the cadence to one_time replaces the sync: a
				// one-time sync runs once, when it is created.
				ConfigDirectory: cfg,
				ConfigVariables: config.Variables{"name": str("loyalty tier to Braze"), "kind": str("user_property"), "cadence": str("one_time")},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(syncAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: captureResourceID(syncAddress, &id),
			},
			{
				// A new source replaces the sync, since a sync's source is
				// set when it is created.
				ConfigDirectory: cfg,
				ConfigVariables: config.Variables{"name": str("loyalty tier to Braze"), "kind": str("user_property"), "source_id": str("plan"), "cadence": str("one_time")},
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
	cfg := s.Directory(t, syncConfig, syncDestinations)
	ltv := config.Variables{"kind": str("computation"), "source_id": str("cmp_ltv_90d"), "cadence": str("daily")}
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: ltv, Check: captureResourceID(syncAddress, &id)},
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
				ConfigDirectory: cfg, ConfigVariables: ltv,
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
				ConfigDirectory: cfg, ConfigVariables: ltv,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(syncAddress, plancheck.ResourceActionCreate)},
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: ltv, PlanOnly: true},
		},
	})
}

func TestAccSync_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/sync_validation")
	sync := func(kind, sourceID, cadence string) config.Variables {
		return config.Variables{"kind": str(kind), "source_id": str(sourceID), "cadence": str(cadence)}
	}
	cases := map[string]struct {
		vars config.Variables
		want string
	}{
		"realtime user property": {sync("user_property", "plan", "realtime"), `cadence: "realtime" syncs cohort membership only; a user_property sync takes one_time, hourly or daily`},
		"unknown kind":           {sync("segment", "plan", "daily"), `kind value must be one of: \["user_property" "computation" "cohort" "recommendation"\]`},
		"unknown cadence":        {sync("cohort", "coh_power_users", "weekly"), `cadence value must be one of: \["one_time" "hourly" "daily" "realtime"\]`},
		"empty source":           {sync("cohort", "", "daily"), `source_id must not be empty or only white space`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					ConfigDirectory: cfg, ConfigVariables: tc.vars,
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
	cfg := s.Directory(t, syncConfig, syncDestinations)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg,
				ConfigVariables: config.Variables{"kind": str("cohort"), "source_id": str("coh_power_users"), "cadence": str("daily")},
				ExpectError:     acctest.ErrorMatching(`a cohort sync needs a braze destination of kind \["cohort"\]`),
			},
			{
				ConfigDirectory: cfg,
				ConfigVariables: config.Variables{"kind": str("computation"), "source_id": str("cmp_missing"), "cadence": str("daily")},
				ExpectError:     acctest.ErrorMatching(`cmp_missing`),
			},
		},
	})
}

// TestAccSync_everyKind is the end-to-end configuration: both destination
// types and a sync of each kind apply, and the next plan is empty.
func TestAccSync_everyKind(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/sync_every_kind", syncDestinations)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg,
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
			{ConfigDirectory: cfg, PlanOnly: true},
		},
	})
}

// A cadence known only at apply may turn out to be one_time, which cannot be
// reached in place: the plan replaces the sync rather than plan an update
// that the apply would find to be a replacement ("inconsistent final plan").
func TestAccSync_cadenceKnownOnlyAtApply(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/sync_cadence_at_apply", syncDestinations)
	cadence := func(cadence string) config.Variables { return config.Variables{"cadence": str(cadence)} }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: cadence("hourly")},
			{
				ConfigDirectory: cfg, ConfigVariables: cadence("one_time"),
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
			{ConfigDirectory: cfg, ConfigVariables: cadence("one_time"), PlanOnly: true},
		},
	})
}
