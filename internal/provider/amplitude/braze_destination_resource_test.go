package amplitude_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

const destinationAddress = "amplitude_braze_destination.test"

// destinationConfig is a complete destination whose name and body vary.
func destinationConfig(s *acctest.Sandbox, name, body string) string {
	return s.ProviderConfig() + fmt.Sprintf(`
resource "amplitude_braze_destination" "test" {
  name           = %q
  braze_endpoint = %q
  braze_app_id   = %q
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
%s
}
`, name, acctest.BrazeEndpoint, acctest.BrazeAppID, body)
}

const (
	adminKeyAttribute = `  braze_api_key = "` + acctest.BrazeAdminKey + `"` + "\n"

	eventsAndUsers = adminKeyAttribute + `
  send_events = {
    events           = ["Purchase", "Sign Up"]
    filters          = [{ property = "country", operator = "is", values = ["US", "CA"] }, { property = "plan", operator = "is_set" }]
    event_properties = ["price"]
    user_properties  = ["plan"]
  }
  send_users = { user_properties = ["plan", "country"] }
`
	allEventsDisabled = adminKeyAttribute + `
  enabled           = false
  update_users_only = true
  send_events       = { all_events = true }
`
)

func TestAccBrazeDestination_lifecycle(t *testing.T) {
	s := acctest.NewSandbox(t)
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: destinationConfig(s, "braze-prod-stream", eventsAndUsers),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("update_users_only"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_events").AtMapKey("all_events"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_events").AtMapKey("events"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("Purchase"), knownvalue.StringExact("Sign Up")})),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_events").AtMapKey("filters").AtSliceIndex(1).AtMapKey("values"), knownvalue.Null()),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("braze_api_key"), knownvalue.StringExact(acctest.BrazeAdminKey)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(destinationAddress, "id"),
					captureResourceID(destinationAddress, &firstID),
					checkServerDestination(s, destinationAddress, func(d *amplitude.Destination) error {
						if d.Name != "braze-prod-stream" || d.Config.AppID != acctest.BrazeAppID || len(d.SendEvents.Filters) != 2 || len(d.SendUsers.UserProperties) != 2 {
							return fmt.Errorf("server holds %+v", d)
						}
						return nil
					}),
				),
			},
			{
				// Rename, disable and switch to all events: all in place.
				Config: destinationConfig(s, "braze-prod-stream-v2", allEventsDisabled),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_users"), knownvalue.Null()),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_events").AtMapKey("events"), knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkSameResourceID(destinationAddress, &firstID),
					checkServerDestination(s, destinationAddress, func(d *amplitude.Destination) error {
						if d.Name != "braze-prod-stream-v2" || d.Enabled || !d.Config.UpdateUsersOnly || !d.SendEvents.AllEvents || d.SendUsers != nil {
							return fmt.Errorf("server holds %+v", d)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:      destinationAddress,
				ImportState:       true,
				ImportStateVerify: true,
				// Amplitude never returns the key, so import cannot fill it.
				ImportStateVerifyIgnore: []string{"braze_api_key"},
			},
		},
	})
}

func TestAccBrazeDestination_importThenPlan(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := destinationConfig(s, "imported", eventsAndUsers)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Made in the dashboard, then adopted.
				PreConfig: func() {
					d, err := s.Amplitude().CreateDestination(context.Background(), amplitude.Destination{
						Type: amplitude.DestinationTypeBraze, Name: "imported", Enabled: true,
						Config:  amplitude.DestinationConfig{Endpoint: acctest.BrazeEndpoint, APIKey: acctest.BrazeAdminKey, AppID: acctest.BrazeAppID},
						Mapping: &amplitude.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
						SendEvents: &amplitude.SendEvents{Events: []string{"Purchase", "Sign Up"}, EventProperties: []string{"price"}, UserProperties: []string{"plan"},
							Filters: []amplitude.EventFilter{{Property: "country", Operator: "is", Values: []string{"US", "CA"}}, {Property: "plan", Operator: "is_set"}}},
						SendUsers: &amplitude.SendUsers{UserProperties: []string{"plan", "country"}},
					})
					if err != nil {
						t.Fatal(err)
					}
					id = d.ID
				},
				Config:             config,
				ResourceName:       destinationAddress,
				ImportState:        true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
				ImportStatePersist: true,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["name"] != "imported" || states[0].Attributes["send_events.filters.#"] != "2" {
						return fmt.Errorf("imported state: %+v", states)
					}
					return nil
				},
			},
			{
				// Everything but the unreadable key matches: the one change
				// after import is sending the configured key once.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectSensitiveValue(destinationAddress, tfjsonpath.New("braze_api_key")),
					},
				},
				Check: checkSameResourceID(destinationAddress, &id),
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

func TestAccBrazeDestination_drift(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := destinationConfig(s, "drifting", eventsAndUsers)
	var id string
	outOfBand := func(change func(d *amplitude.Destination)) func() {
		return func() {
			ctx := context.Background()
			client := s.Amplitude()
			d, err := client.GetDestination(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			change(d)
			d.Config.APIKey = "" // masked on read; leaving it out keeps the stored key
			if _, err := client.UpdateDestination(ctx, id, *d); err != nil {
				t.Fatal(err)
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: captureResourceID(destinationAddress, &id)},
			{
				// The masked key Amplitude returns never shows as a change.
				Config:   config,
				PlanOnly: true,
			},
			{
				PreConfig: outOfBand(func(d *amplitude.Destination) {
					d.SendEvents.Events = []string{"Purchase"}
					d.Enabled = false
				}),
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					},
				},
				Check: checkServerDestination(s, destinationAddress, func(d *amplitude.Destination) error {
					if !d.Enabled || len(d.SendEvents.Events) != 2 {
						return fmt.Errorf("drift was not corrected: %+v", d)
					}
					return nil
				}),
			},
			{
				// Someone pastes another valid key in the dashboard: its last
				// four differ, so the plan sends ours again.
				PreConfig: func() {
					otherKey := createBrazeKey(t, s, "other", "users.track")
					d, err := s.Amplitude().GetDestination(context.Background(), id)
					if err != nil {
						t.Fatal(err)
					}
					d.Config.APIKey = otherKey
					if _, err := s.Amplitude().UpdateDestination(context.Background(), id, *d); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate)},
				},
				Check: checkServerDestination(s, destinationAddress, func(d *amplitude.Destination) error {
					if !amplitude.MaskMatches(d.Config.APIKey, acctest.BrazeAdminKey) {
						return fmt.Errorf("server holds key %s, want the configured one back", d.Config.APIKey)
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
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionCreate)},
				},
				Check: resource.TestCheckResourceAttrSet(destinationAddress, "id"),
			},
		},
	})
}

func TestAccBrazeDestination_userAlias(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: s.ProviderConfig() + fmt.Sprintf(`
resource "amplitude_braze_destination" "test" {
  name             = "alias"
  braze_endpoint   = %q
  braze_app_id     = %q
  braze_api_key    = %q
  user_alias_label = "amplitude_id"
  identifier_mapping = {
    amplitude_property = "amplitude_id"
    braze_identifier   = "user_alias"
  }
  send_users = { user_properties = ["plan"] }
}
`, acctest.BrazeEndpoint, acctest.BrazeAppID, acctest.BrazeAdminKey),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(destinationAddress, "user_alias_label", "amplitude_id"),
				resource.TestCheckResourceAttr(destinationAddress, "identifier_mapping.braze_identifier", "user_alias"),
			),
		}},
	})
}

// TestAccBrazeDestination_vendorRefusal shows the sandbox's own check of the
// key reaching the user: a key without users.track passes plan-time validation
// but Amplitude refuses it.
func TestAccBrazeDestination_vendorRefusal(t *testing.T) {
	s := acctest.NewSandbox(t)
	weakKey := createBrazeKey(t, s, "no-track", "users.export.ids")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      destinationConfig(s, "refused", fmt.Sprintf("braze_api_key = %q\nsend_users = { user_properties = [\"plan\"] }", weakKey)),
			ExpectError: regexp.MustCompile(`users\.track`),
		}},
	})
}

func TestAccBrazeDestination_writeOnlyKey(t *testing.T) {
	s := acctest.NewSandbox(t)
	secondKey := createBrazeKey(t, s, "rotated", "users.track")
	config := func(key string, version int) string {
		return destinationConfig(s, "write-only", fmt.Sprintf(`
  braze_api_key_wo         = %q
  braze_api_key_wo_version = %d
  send_users               = { user_properties = ["plan"] }
`, key, version))
	}
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.WriteOnlyAttributes)},
		Steps: []resource.TestStep{
			{
				Config: config(acctest.BrazeAdminKey, 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("braze_api_key_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("braze_api_key"), knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(captureResourceID(destinationAddress, &id), checkServerKey(s, acctest.BrazeAdminKey)),
			},
			{
				// A new key without a new version is not sent.
				Config:   config(secondKey, 1),
				PlanOnly: true,
			},
			{
				Config: config(secondKey, 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate)},
				},
				Check: checkServerKey(s, secondKey),
			},
			{
				// The key changed in the dashboard: the version reads back
				// null and the next apply sends ours again.
				PreConfig: func() {
					d, err := s.Amplitude().GetDestination(context.Background(), id)
					if err != nil {
						t.Fatal(err)
					}
					d.Config.APIKey = acctest.BrazeAdminKey
					if _, err := s.Amplitude().UpdateDestination(context.Background(), id, *d); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(secondKey, 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate)},
				},
				Check: checkServerKey(s, secondKey),
			},
			{
				ResourceName:            destinationAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"braze_api_key_wo_version"},
			},
		},
	})
}

// TestAccBrazeDestination_writeOnlyNeedsNewCLI pins the message an older CLI
// user sees for the write-only key.
func TestAccBrazeDestination_writeOnlyNeedsNewCLI(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWith(acctest.WriteOnlyAttributes)},
		Steps: []resource.TestStep{{
			Config: destinationConfig(s, "old-cli", `
  braze_api_key_wo         = "sandbox-braze-admin-key"
  braze_api_key_wo_version = 1
  send_users               = { user_properties = ["plan"] }
`),
			ExpectError: acctest.ErrorMatching(`WriteOnly Attribute Not Allowed .* Write-only attributes are only supported in Terraform 1.11 and later`),
		}},
	})
}

func checkServerKey(s *acctest.Sandbox, key string) resource.TestCheckFunc {
	return checkServerDestination(s, destinationAddress, func(d *amplitude.Destination) error {
		if !amplitude.MaskMatches(d.Config.APIKey, key) {
			return fmt.Errorf("server holds key %s, want one ending %s", d.Config.APIKey, amplitude.LastFour(key))
		}
		return nil
	})
}

func createBrazeKey(t *testing.T, s *acctest.Sandbox, name string, permissions ...string) string {
	t.Helper()
	k, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: name, Permissions: permissions})
	if err != nil {
		t.Fatal(err)
	}
	return k.Key
}
