package amplitude_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
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
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

const destinationAddress = "amplitude_braze_destination.test"

// destinationConfig is testdata/braze_destination: one destination whose
// name, key and what it sends are the step's variables.
const destinationConfig = "testdata/braze_destination"

// destination is the variables of a destination named name that sends the
// shape sends of testdata/braze_destination's local.shapes (users,
// events_and_users, all_events_disabled or empty_lists) and holds the
// sandbox's admin key.
func destination(name, sends string) config.Variables {
	return config.Variables{"name": str(acctest.Name(name)), "sends": str(sends)}
}

// writeOnlyDestinationConfig is testdata/braze_destination_write_only: one
// destination that holds its key in write-only form.
const writeOnlyDestinationConfig = "testdata/braze_destination_write_only"

// writeOnlyDestination is the variables of a destination named name that
// holds key in write-only form, at version.
func writeOnlyDestination(name, key string, version int) config.Variables {
	return config.Variables{"name": str(acctest.Name(name)), "braze_api_key_wo": str(key), "braze_api_key_wo_version": config.IntegerVariable(version)}
}

// with adds the variable name = value to vars.
func with(vars config.Variables, name string, value config.Variable) config.Variables {
	vars[name] = value
	return vars
}

func TestAccBrazeDestination_lifecycle(t *testing.T) {
	s := acctest.NewTarget(t)
	cfg := s.Directory(t, destinationConfig)
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             checkDestinationsDisabled(s),
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg,
				ConfigVariables: destination("braze-prod-stream", "events_and_users"),
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
				// Renaming, disabling, switching to all events and no
				// longer sending users all update the destination in place.
				ConfigDirectory: cfg,
				ConfigVariables: destination("braze-prod-stream-v2", "all_events_disabled"),
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
				ConfigDirectory:   cfg,
				ConfigVariables:   destination("braze-prod-stream-v2", "all_events_disabled"),
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
	cfg := s.Directory(t, destinationConfig)
	imported := destination("imported", "events_and_users")
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// The destination is made in Amplitude's dashboard first,
				// then imported, so that Terraform manages it from then on.
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
				ConfigDirectory:    cfg,
				ConfigVariables:    imported,
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
				ConfigDirectory: cfg, ConfigVariables: imported,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(destinationAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectSensitiveValue(destinationAddress, tfjsonpath.New("braze_api_key")),
					},
				},
				Check: checkSameResourceID(destinationAddress, &id),
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
	s := acctest.NewTarget(t)
	cfg := s.Directory(t, destinationConfig)
	drifting := destination("drifting", "events_and_users")
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: drifting, Check: captureResourceID(destinationAddress, &id)},
			{
				// Amplitude never returns the secret, and nothing it does
				// return shows as a change.
				ConfigDirectory: cfg, ConfigVariables: drifting,
				PlanOnly: true,
			},
			{
				PreConfig: outOfBand(t, s, &id, func(d *developer.BrazeStream, enabled *bool) {
					d.Events.Events = []string{"Purchase"}
					*enabled = false
				}),
				ConfigDirectory: cfg, ConfigVariables: drifting,
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
				// Someone deletes the destination in Amplitude's dashboard,
				// so the plan creates it again.
				PreConfig:       func() { s.RemoveDestination(t, id) },
				ConfigDirectory: cfg, ConfigVariables: drifting,
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
	cfg := s.Directory(t, destinationConfig)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: destination("contended", "events_and_users"), Check: captureResourceID(destinationAddress, &id)},
			{
				ConfigDirectory: cfg,
				ConfigVariables: destination("contended-renamed", "events_and_users"),
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
				ConfigDirectory: cfg,
				ConfigVariables: destination("contended-renamed", "events_and_users"),
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
			ConfigDirectory: s.Directory(t, destinationConfig),
			ConfigVariables: with(destination("weak key", "users"), "braze_api_key", str(weakKey)),
			PlanOnly:        true,
			ExpectError:     acctest.ErrorMatching(`with amplitude_braze_destination.test,.*braze_api_key.*Amplitude: config.api_key.*users\.track`),
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
	s := acctest.NewTarget(t)
	cfg := s.Directory(t, destinationConfig)
	withEndpoint := func(endpoint string) config.Variables {
		return with(destination("endpoint", "users"), "braze_endpoint", str(endpoint))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg,
				ConfigVariables: withEndpoint("https://braze.example.com"),
				PlanOnly:        true,
				ExpectError:     acctest.ErrorMatching(`braze_endpoint: "https://braze.example.com" is not one of the Braze REST endpoints Amplitude sends to: .*https://rest.iad-05.braze.com`),
			},
			{
				ConfigDirectory: cfg,
				ConfigVariables: withEndpoint("https://REST.iad-05.braze.com/"),
				PlanOnly:        true,
				ExpectError:     acctest.ErrorMatching(`braze_endpoint: "https://REST.iad-05.braze.com/" is "https://rest.iad-05.braze.com" written another way`),
			},
		},
	})
}

// A Braze key deleted in Braze's dashboard: Amplitude reports the
// credential disconnected, and the plan sends a key again; with the key a
// braze_api_key, the new key it makes.
func TestAccBrazeDestination_deletedBrazeKey(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/braze_destination_keyed")
	var keyID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, Check: captureResourceID("braze_api_key.stream", &keyID)},
			{
				PreConfig: func() {
					if err := s.Braze().DeleteAPIKey(context.Background(), keyID); err != nil {
						t.Fatal(err)
					}
				},
				ConfigDirectory: cfg,
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
				ConfigDirectory: cfg,
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
			ConfigDirectory: s.Directory(t, destinationConfig, acctest.Amplitude("access_token", acctest.ReadOnlyToken)),
			ConfigVariables: destination("read only", "users"),
			ExpectError:     acctest.ErrorMatching(`lacks the destinations:write scope.*Personal access tokens`),
		}},
	})
	if n := s.Stats(t).Objects["destinations"]; n != 0 {
		t.Errorf("a read-only token made %d destinations", n)
	}
}

func TestAccBrazeDestination_userAlias(t *testing.T) {
	s := acctest.NewTarget(t)
	cfg := s.Directory(t, destinationConfig)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg,
				ConfigVariables: with(destination("alias", "users"), "user_alias", boolean(true)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(destinationAddress, "user_alias_label", "amplitude_id"),
					resource.TestCheckResourceAttr(destinationAddress, "identifier_mapping.braze_identifier", "user_alias"),
				),
			},
			{
				// Dropping the label removes it in Amplitude too.
				ConfigDirectory: cfg,
				ConfigVariables: destination("alias", "users"),
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
			ConfigDirectory: s.Directory(t, destinationConfig),
			ConfigVariables: with(destination("refused", "users"), "braze_api_key", str(weakKey)),
			ExpectError:     acctest.ErrorMatching(`braze_api_key.*config.api_key.*users\.track`),
		}},
	})
}

func TestAccBrazeDestination_writeOnlyKey(t *testing.T) {
	s := acctest.NewSandbox(t)
	second := createBrazeKeyWithID(t, s, "rotated")
	cfg := s.Directory(t, writeOnlyDestinationConfig)
	writeOnly := func(key string, version int) config.Variables {
		return writeOnlyDestination("write-only", key, version)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.WriteOnlyAttributes)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: writeOnly(acctest.BrazeAdminKey, 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("braze_api_key_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(destinationAddress, tfjsonpath.New("braze_api_key"), knownvalue.Null()),
				},
			},
			{
				// A new key without a new version is not sent.
				ConfigDirectory: cfg, ConfigVariables: writeOnly(second.Key, 1),
				PlanOnly: true,
			},
			{
				ConfigDirectory: cfg, ConfigVariables: writeOnly(second.Key, 2),
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
					if err := s.Braze().DeleteAPIKey(context.Background(), second.ID); err != nil {
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
				ConfigDirectory: cfg, ConfigVariables: writeOnly(acctest.BrazeAdminKey, 3),
				Check: checkServerDestination(s, destinationAddress, func(d *developer.Destination) error {
					if d.CredentialStatus != developer.CredentialConnected {
						return fmt.Errorf("credential %s after sending a new key", d.CredentialStatus)
					}
					return nil
				}),
			},
			{
				ConfigDirectory:         cfg,
				ConfigVariables:         writeOnly(acctest.BrazeAdminKey, 3),
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
			ConfigDirectory: s.Directory(t, writeOnlyDestinationConfig),
			ConfigVariables: writeOnlyDestination("old-cli", acctest.BrazeAdminKey, 1),
			ExpectError:     acctest.ErrorMatching(`WriteOnly Attribute Not Allowed .* Write-only attributes are only supported in Terraform 1.11 and later`),
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
	cfg := s.Directory(t, destinationConfig)
	emptyLists := destination("empty lists", "empty_lists")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: emptyLists,
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
			{ConfigDirectory: cfg, ConfigVariables: emptyLists, PlanOnly: true},
		},
	})
}
