package amplitude_test

import (
	"context"
	"fmt"
	"slices"
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
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

const destinationAddress = "amplitude_braze_destination.test"

// destinationConfig is a complete destination whose name and body vary.
func destinationConfig(s *acctest.Sandbox, name, body string) string {
	return s.ProviderConfig() + destinationResource(name, body)
}

func destinationResource(name, body string) string {
	return fmt.Sprintf(`
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
`, acctest.Name(name), acctest.BrazeEndpoint, acctest.BrazeAppID, body)
}

const (
	adminKeyAttribute = `  braze_api_key = "` + acctest.BrazeAdminKey + `"` + "\n"

	eventsAndUsers = adminKeyAttribute + `
  send_events = {
    events           = ["Purchase", "Sign Up"]
    filters          = [{ property = "country", operator = "is", values = ["US", "CA"] }, { property = "ltv", operator = "greater_than", values = ["100"] }]
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
	s := acctest.NewTarget(t)
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             checkDestinationsDisabled(s),
		Steps: []resource.TestStep{
			{
				Config: destinationConfig(s, "braze-prod-stream", eventsAndUsers),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("paused"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("credential_status"), knownvalue.StringExact("connected")),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("update_users_only"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_events").AtMapKey("all_events"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_events").AtMapKey("events"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("Purchase"), knownvalue.StringExact("Sign Up")})),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("braze_api_key"), knownvalue.StringExact(acctest.BrazeAdminKey)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrSet(destinationAddress, "id"),
					captureResourceID(destinationAddress, &firstID),
					checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
						got, err := developer.BrazeStreamFrom(d)
						if err != nil {
							return err
						}
						if d.DisplayName != acctest.Name("braze-prod-stream") || got.AppID != acctest.BrazeAppID || len(got.Events.Conditions) != 2 ||
							len(got.UserProperties) != 2 || !slices.Equal(d.Kind, []string{"event", "identify"}) {
							return fmt.Errorf("server holds %+v", d)
						}
						return nil
					}),
				),
			},
			{
				// Rename, disable, switch to all events and stop sending
				// users: all in place.
				Config: destinationConfig(s, "braze-prod-stream-v2", allEventsDisabled),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(destinationAddress, tfjsonpath.New("version")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_users"), knownvalue.Null()),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_events").AtMapKey("events"), knownvalue.Null()),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("paused"), knownvalue.Bool(true)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkSameResourceID(destinationAddress, &firstID),
					checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
						if d.DisplayName != acctest.Name("braze-prod-stream-v2") || *d.Enabled || d.EventFilter != nil || !slices.Equal(d.Kind, []string{"event"}) {
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

// checkDestinationsDisabled is what a destroy leaves: each destination the
// test made still in Amplitude, disabled, since the Developer API has no
// delete.
func checkDestinationsDisabled(s *acctest.Sandbox) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		for _, r := range state.RootModule().Resources {
			if !strings.HasSuffix(r.Type, "destination") {
				continue
			}
			d, err := s.Developer().GetDestination(context.Background(), r.Primary.ID)
			if err != nil {
				return fmt.Errorf("after destroy: %w; the Developer API has no delete", err)
			}
			if developer.IsEventStreaming(d.Kind) && (d.Enabled == nil || *d.Enabled) {
				return fmt.Errorf("destination %s (%s) is still enabled after destroy", d.ID, d.DisplayName)
			}
		}
		return nil
	}
}

func TestAccBrazeDestination_importThenPlan(t *testing.T) {
	s := acctest.NewTarget(t)
	config := destinationConfig(s, "imported", eventsAndUsers)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Made in the dashboard, then adopted.
				PreConfig: func() {
					stream := developer.BrazeStream{
						Endpoint: acctest.BrazeEndpoint, APIKey: acctest.BrazeAdminKey, AppID: acctest.BrazeAppID,
						UserIDMapping: developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
						Events: &developer.BrazeEvents{Events: []string{"Purchase", "Sign Up"}, EventProperties: []string{"price"}, UserProperties: []string{"plan"},
							Conditions: []developer.PropertyCondition{{Property: "country", Operator: "is", Values: []string{"US", "CA"}}, {Property: "ltv", Operator: "greater_than", Values: []string{"100"}}}},
						UserProperties: []string{"plan", "country"},
					}
					d, err := s.Developer().CreateDestination(context.Background(), developer.PartnerBraze, stream.Spec(acctest.Name("imported"), true))
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
					if len(states) != 1 || states[0].Attributes["name"] != acctest.Name("imported") || states[0].Attributes["send_events.filters.#"] != "2" {
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

// outOfBand changes a Braze stream destination through the Developer API,
// as a user of Amplitude's dashboard would.
func outOfBand(t *testing.T, s *acctest.Sandbox, id *string, change func(*developer.BrazeStream, *bool)) func() {
	return func() {
		ctx := context.Background()
		d, err := s.Developer().GetDestination(ctx, *id)
		if err != nil {
			t.Fatal(err)
		}
		stream, err := developer.BrazeStreamFrom(d)
		if err != nil {
			t.Fatal(err)
		}
		stream.APIKey = acctest.BrazeAdminKey // never returned; every update sends it
		enabled := *d.Enabled
		change(&stream, &enabled)
		if _, err := s.Developer().UpdateDestination(ctx, *id, d.Version, stream.Spec(d.DisplayName, enabled)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAccBrazeDestination_drift(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := destinationConfig(s, "drifting", eventsAndUsers)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: captureResourceID(destinationAddress, &id)},
			{
				// Nothing Amplitude returns (no secret among it) shows as
				// a change.
				Config:   config,
				PlanOnly: true,
			},
			{
				PreConfig: outOfBand(t, s, &id, func(d *developer.BrazeStream, enabled *bool) {
					d.Events.Events = []string{"Purchase"}
					*enabled = false
				}),
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					},
				},
				Check: checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
					if !*d.Enabled || len(d.EventFilter.Events) != 2 || d.Version != 3 {
						return fmt.Errorf("drift was not corrected: %+v", d)
					}
					return nil
				}),
			},
			{
				// Deleted in Amplitude's dashboard: the plan creates it
				// again.
				PreConfig: func() { s.RemoveDestination(t, id) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionCreate)},
				},
				Check: resource.TestCheckResourceAttrSet(destinationAddress, "id"),
			},
		},
	})
}

// A destination changed in Amplitude between plan and apply is not
// overwritten: the apply fails and says to plan again.
func TestAccBrazeDestination_staleVersion(t *testing.T) {
	s := acctest.NewTarget(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: destinationConfig(s, "contended", eventsAndUsers), Check: captureResourceID(destinationAddress, &id)},
			{
				Config: destinationConfig(s, "contended-renamed", eventsAndUsers),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{afterPlan(func() error {
						outOfBand(t, s, &id, func(d *developer.BrazeStream, _ *bool) { d.UpdateUsersOnly = true })()
						return nil
					})},
				},
				ExpectError: acctest.ErrorMatching(`changed in Amplitude after this plan was made.*version 1.*version 2.*nothing was overwritten.*Run terraform plan again`),
			},
			{
				// The next plan sees the change and the rename together.
				Config: destinationConfig(s, "contended-renamed", eventsAndUsers),
				Check: checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
					if d.DisplayName != acctest.Name("contended-renamed") || d.Version != 3 {
						return fmt.Errorf("server holds %+v", d)
					}
					return nil
				}),
			},
		},
	})
}

// Amplitude's own validation reaches the plan, on the attribute it is about,
// before anything is written: a Braze key that lacks users.track, which only
// Amplitude (asking Braze) can tell.
func TestAccBrazeDestination_dryRunAtPlan(t *testing.T) {
	s := acctest.NewSandbox(t)
	weakKey := createBrazeKey(t, s, "no-track", "users.export.ids")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      destinationConfig(s, "weak key", fmt.Sprintf("braze_api_key = %q\nsend_users = { user_properties = [\"plan\"] }", weakKey)),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(`with amplitude_braze_destination.test,.*braze_api_key.*Amplitude: config.api_key.*users\.track`),
		}},
	})
	if n := s.Stats(t).Objects["destinations"]; n != 0 {
		t.Errorf("the refused plan made %d destinations", n)
	}
}

// An endpoint Amplitude does not list is refused at plan time on its
// attribute, from Amplitude's own list, with the spelling to use when it is
// one of them written another way.
func TestAccBrazeDestination_endpointAsAmplitudeListsIt(t *testing.T) {
	s := acctest.NewSandbox(t)
	withEndpoint := func(endpoint string) string {
		return strings.Replace(destinationConfig(s, "endpoint", adminKeyAttribute+`send_users = { user_properties = ["plan"] }`), acctest.BrazeEndpoint, endpoint, 1)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      withEndpoint("https://braze.example.com"),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`braze_endpoint: "https://braze.example.com" is not one of the Braze REST endpoints Amplitude sends to: .*https://rest.iad-05.braze.com`),
			},
			{
				Config:      withEndpoint("https://REST.iad-05.braze.com/"),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`braze_endpoint: "https://REST.iad-05.braze.com/" is "https://rest.iad-05.braze.com" written another way`),
			},
		},
	})
}

// A Braze key deleted in Braze's dashboard: Amplitude reports the
// credential disconnected, and the plan sends a key again; with the key a
// braze_api_key, the new key it makes.
func TestAccBrazeDestination_deletedBrazeKey(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := s.ProviderConfig() + `
resource "braze_api_key" "stream" {
  name        = "amplitude stream"
  permissions = ["users.track"]
}
` + destinationResource("keyed", `
  braze_api_key = braze_api_key.stream.key
  send_users    = { user_properties = ["plan"] }
`)
	var keyID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: captureResourceID("braze_api_key.stream", &keyID)},
			{
				PreConfig: func() {
					if err := s.Braze().DeleteAPIKey(context.Background(), keyID); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("braze_api_key.stream", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("credential_status"), knownvalue.StringExact("connected")),
				},
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

// A token without destinations:write plans (with a warning that Amplitude
// did not check the plan) but cannot apply, and the error names the scope.
func TestAccBrazeDestination_readOnlyToken(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      s.ProviderConfigWithToken(acctest.ReadOnlyToken) + destinationResource("read only", adminKeyAttribute+`send_users = { user_properties = ["plan"] }`),
			ExpectError: acctest.ErrorMatching(`lacks the destinations:write scope.*Personal access tokens`),
		}},
	})
	if n := s.Stats(t).Objects["destinations"]; n != 0 {
		t.Errorf("a read-only token made %d destinations", n)
	}
}

func TestAccBrazeDestination_userAlias(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
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
			},
			{
				// Dropping the label removes it in Amplitude too.
				Config: destinationConfig(s, "alias", adminKeyAttribute+`send_users = { user_properties = ["plan"] }`),
				Check: checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
					if _, held := d.Config[developer.BrazeParamUserAliasLabel]; held {
						return fmt.Errorf("user_alias_label still held: %s", d.Config[developer.BrazeParamUserAliasLabel])
					}
					return nil
				}),
			},
		},
	})
}

// TestAccBrazeDestination_vendorRefusal shows Amplitude's check of the key
// reaching the user on the key's attribute: a key without users.track passes
// the provider's validation but Amplitude refuses it.
func TestAccBrazeDestination_vendorRefusal(t *testing.T) {
	s := acctest.NewSandbox(t)
	weakKey := createBrazeKey(t, s, "no-track", "users.export.ids")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      destinationConfig(s, "refused", fmt.Sprintf("braze_api_key = %q\nsend_users = { user_properties = [\"plan\"] }", weakKey)),
			ExpectError: acctest.ErrorMatching(`braze_api_key.*config.api_key.*users\.track`),
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
	var secondKeyID string
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
				Check: checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
					if d.CredentialStatus != developer.CredentialConnected {
						return fmt.Errorf("credential %s after sending a working key", d.CredentialStatus)
					}
					return nil
				}),
			},
			{
				// The key is deleted in Braze: Amplitude reports it
				// disconnected, and the refresh forgets the version, so the
				// plan is no longer empty: it sends the configured key again.
				PreConfig: func() {
					keys, err := s.Braze().ListAPIKeys(context.Background())
					if err != nil {
						t.Fatal(err)
					}
					for _, k := range keys {
						if k.Name == "rotated" {
							secondKeyID = k.ID
						}
					}
					if err := s.Braze().DeleteAPIKey(context.Background(), secondKeyID); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(destinationAddress, "credential_status", "disconnected"),
					resource.TestCheckNoResourceAttr(destinationAddress, "braze_api_key_wo_version"),
				),
			},
			{
				Config: config(acctest.BrazeAdminKey, 3),
				Check: checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
					if d.CredentialStatus != developer.CredentialConnected {
						return fmt.Errorf("credential %s after sending a new key", d.CredentialStatus)
					}
					return nil
				}),
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

func createBrazeKey(t *testing.T, s *acctest.Sandbox, name string, permissions ...string) string {
	t.Helper()
	k, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: name, Permissions: permissions})
	if err != nil {
		t.Fatal(err)
	}
	return k.Key
}

// Modules pass [] as a default: an empty list of filters or properties means
// none, as leaving it out does, and reads back as it was written.
func TestAccBrazeDestination_emptyListsMeanNone(t *testing.T) {
	s := acctest.NewTarget(t)
	config := destinationConfig(s, "empty lists", adminKeyAttribute+`
  send_events = {
    events           = ["Purchase"]
    filters          = []
    event_properties = []
    user_properties  = []
  }
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("send_events").AtMapKey("filters"), knownvalue.ListExact([]knownvalue.Check{})),
				},
				Check: checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
					if d.EventFilter == nil || len(d.EventFilter.PropertyFilters) != 0 {
						return fmt.Errorf("server holds event_filter %+v, want events and no filters", d.EventFilter)
					}
					return nil
				}),
			},
			{Config: config, PlanOnly: true},
		},
	})
}
