package braze_test

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
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

const keyAddress = "braze_api_key.test"

// apiKeyConfig is testdata/api_key: one key whose arguments are the step's
// variables.
const apiKeyConfig = "testdata/api_key"

// apiKey is the variables of a key named name with permissions and, unless
// there are none, allowedIPs.
func apiKey(name string, permissions, allowedIPs []string) config.Variables {
	vars := config.Variables{"name": config.StringVariable(acctest.Name(name)), "permissions": strs(permissions...)}
	if allowedIPs != nil {
		vars["allowed_ips"] = strs(allowedIPs...)
	}
	return vars
}

var (
	trackAndAlias  = []string{"users.track", "users.alias.new"}
	track          = []string{"users.track"}
	loopbackAndDoc = []string{"127.0.0.0/8", "2001:db8::/32"}
)

func TestAccAPIKey_lifecycle(t *testing.T) {
	s := acctest.NewModelledTarget(t)
	cfg := s.Directory(t, apiKeyConfig)
	var id string
	replaced := func(change config.Variables) resource.TestStep {
		return resource.TestStep{
			ConfigDirectory: cfg, ConfigVariables: change,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(keyAddress, plancheck.ResourceActionDestroyBeforeCreate)},
			},
			Check: resource.ComposeAggregateTestCheckFunc(checkOldKeyGone(s, &id), captureKeyID(&id)),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg,
				ConfigVariables: apiKey("amplitude-stream", trackAndAlias, loopbackAndDoc),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectSensitiveValue(keyAddress, tfjsonpath.New("key"))},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddress, tfjsonpath.New("permissions"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("users.track"), knownvalue.StringExact("users.alias.new")})),
					statecheck.ExpectKnownValue(keyAddress, tfjsonpath.New("key"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(keyAddress, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(captureKeyID(&id), checkKeyWorks(s)),
			},
			{
				// The configuration is unchanged. Braze moved last_seen_at
				// when the step above used the key, and that is not a
				// change to plan.
				ConfigDirectory: cfg,
				ConfigVariables: apiKey("amplitude-stream", trackAndAlias, loopbackAndDoc),
				PlanOnly:        true,
			},
			replaced(apiKey("amplitude-stream-v2", trackAndAlias, loopbackAndDoc)),
			replaced(apiKey("amplitude-stream-v2", track, loopbackAndDoc)),
			replaced(apiKey("amplitude-stream-v2", track, nil)),
			{
				ConfigDirectory:   cfg,
				ConfigVariables:   apiKey("amplitude-stream-v2", track, nil),
				ResourceName:      keyAddress,
				ImportState:       true,
				ImportStateVerify: true,
				// The secret is never readable after creation.
				ImportStateVerifyIgnore: []string{"key", "last_seen_at"},
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if _, ok := states[0].Attributes["key"]; ok && states[0].Attributes["key"] != "" {
						return fmt.Errorf("imported key = %q, want null", states[0].Attributes["key"])
					}
					return nil
				},
			},
			{
				PreConfig: func() {
					if err := s.Braze().DeleteAPIKey(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				ConfigDirectory: cfg,
				ConfigVariables: apiKey("amplitude-stream-v2", track, nil),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(keyAddress, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}

func TestAccAPIKey_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, apiKeyConfig)
	cases := map[string]struct {
		vars config.Variables
		want string
	}{
		"unknown permission": {
			apiKey("k", []string{"users.track", "users.trak"}, nil),
			`permissions\[Value\("users.trak"\)\]: "users.trak" is not a Braze REST API key permission; did you mean users.track\?`,
		},
		"no permissions": {apiKey("k", []string{}, nil), `permissions set must contain at least 1 elements`},
		"bad address":    {apiKey("k", track, []string{"300.1.1.1"}), `allowed_ips\[Value\("300.1.1.1"\)\]: "300.1.1.1" is not an IPv4 or IPv6 address or a CIDR block`},
		"unmasked CIDR":  {apiKey("k", track, []string{"10.0.0.1/8"}), `"10.0.0.1/8" has bits set past its prefix length; write 10.0.0.0/8`},
		"empty name":     {apiKey(" ", track, nil), `name must not be empty or only white space`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps:                    []resource.TestStep{{ConfigDirectory: cfg, ConfigVariables: tc.vars, PlanOnly: true, ExpectError: acctest.ErrorMatching(tc.want)}},
			})
		})
	}
	if writes := s.Stats(t).Writes(); writes != 0 {
		t.Errorf("invalid configurations reached the API: %d write requests", writes)
	}
}

// TestAccAPIKey_missingPermission configures the provider with a key that
// may not manage keys: Braze's 403 becomes a message naming the permission.
func TestAccAPIKey_missingPermission(t *testing.T) {
	s := acctest.NewSandbox(t)
	weak, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: "weak", Permissions: []string{"users.track"}})
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			ConfigDirectory: s.Directory(t, apiKeyConfig, acctest.Braze("api_key", weak.Key)),
			ConfigVariables: apiKey("k", track, nil),
			ExpectError:     acctest.ErrorMatching(`api_key lacks the api_keys.create permission`),
		}},
	})
}

// TestAccAPIKey_rotationFeedsDestination wires a key allowlisted to
// Amplitude's egress IPs into a destination, then rotates it with
// create_before_destroy: the destination moves to the new key before the old
// one is deleted, which the sandbox would refuse otherwise.
func TestAccAPIKey_rotationFeedsDestination(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/key_rotation")
	keyName := func(name string) config.Variables { return config.Variables{"key_name": config.StringVariable(name)} }
	var oldKeyID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ProviderFunctions)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: keyName("stream-2026-01"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("braze_api_key.stream", tfjsonpath.New("allowed_ips"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("52.33.3.219"), knownvalue.StringExact("35.162.216.242"), knownvalue.StringExact("52.27.10.221"),
					})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(state *terraform.State) error {
						oldKeyID = state.RootModule().Resources["braze_api_key.stream"].Primary.ID
						return nil
					},
					checkDestinationHoldsKey(s),
				),
			},
			{
				ConfigDirectory: cfg, ConfigVariables: keyName("stream-2026-02"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("braze_api_key.stream", plancheck.ResourceActionCreateBeforeDestroy),
						plancheck.ExpectResourceAction("amplitude_braze_destination.stream", plancheck.ResourceActionUpdate),
					},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkDestinationHoldsKey(s),
					func(*terraform.State) error {
						if _, err := s.Braze().GetAPIKey(context.Background(), oldKeyID); !braze.IsNotFound(err) {
							return fmt.Errorf("old key %s still exists (err %w)", oldKeyID, err)
						}
						return nil
					},
				),
			},
			{ConfigDirectory: cfg, ConfigVariables: keyName("stream-2026-02"), PlanOnly: true},
		},
	})
}

func captureKeyID(id *string) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		*id = state.RootModule().Resources[keyAddress].Primary.ID
		return nil
	}
}

// checkOldKeyGone asserts a replacement deleted the key it replaced.
func checkOldKeyGone(s *acctest.Sandbox, oldID *string) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		if now := state.RootModule().Resources[keyAddress].Primary.ID; now == *oldID {
			return fmt.Errorf("key %s was not replaced", now)
		}
		if _, err := s.Braze().GetAPIKey(context.Background(), *oldID); !braze.IsNotFound(err) {
			return fmt.Errorf("replaced key %s still exists (err %w)", *oldID, err)
		}
		return nil
	}
}

// checkKeyWorks authenticates with the created secret.
func checkKeyWorks(s *acctest.Sandbox) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		secret := state.RootModule().Resources[keyAddress].Primary.Attributes["key"]
		client, err := braze.New(braze.Config{RESTEndpoint: s.BrazeURL, APIKey: secret})
		if err != nil {
			return err
		}
		// users.track does not allow listing keys: a 403, not a 401, proves
		// the secret is a real key.
		if _, err := client.ListAPIKeys(context.Background()); !braze.IsForbidden(err) {
			return fmt.Errorf("listing keys with the created secret: %w; want Braze's 403", err)
		}
		return nil
	}
}

// checkDestinationHoldsKey asserts the destination holds a working key.
// Amplitude never returns the key, but it reports whether Braze accepts the
// one it holds: connected once the old key is deleted means it holds the new
// one.
func checkDestinationHoldsKey(s *acctest.Sandbox) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		id := state.RootModule().Resources["amplitude_braze_destination.stream"].Primary.ID
		d, err := s.Developer().GetDestination(context.Background(), id)
		if err != nil {
			return err
		}
		if d.CredentialStatus != developer.CredentialConnected {
			return fmt.Errorf("destination's credential is %s, want connected", d.CredentialStatus)
		}
		return nil
	}
}

// Braze may write an address back in another spelling than it was given;
// the same addresses are never a change, and an empty list means what
// leaving it out means.
func TestAccAPIKey_allowedIPsByValue(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, apiKeyConfig)
	spelled := apiKey("spelled", track, []string{"2001:DB8::1", "::ffff:52.33.3.219"})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: spelled,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(keyAddress, tfjsonpath.New("allowed_ips"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("2001:DB8::1"), knownvalue.StringExact("::ffff:52.33.3.219"),
					})),
				},
				Check: func(state *terraform.State) error {
					id = state.RootModule().Resources[keyAddress].Primary.ID
					k, err := s.Braze().GetAPIKey(context.Background(), id)
					if err != nil || fmt.Sprint(k.AllowedIPs) != "[2001:db8::1 52.33.3.219]" {
						return fmt.Errorf("Braze holds %v (%w); the test needs it to respell them", k, err)
					}
					return nil
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: spelled, PlanOnly: true},
			{ConfigDirectory: cfg, ConfigVariables: apiKey("any", track, []string{})},
			{ConfigDirectory: cfg, ConfigVariables: apiKey("any", track, []string{}), PlanOnly: true},
			{
				// Leaving the list out means the same: the key stays.
				ConfigDirectory: cfg, ConfigVariables: apiKey("any", track, nil),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(keyAddress, plancheck.ResourceActionUpdate)},
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: apiKey("any", track, nil), PlanOnly: true},
		},
	})
}

// Addresses known only at apply replace the key: planning an update for
// them would fail the apply if they turned out to differ.
func TestAccAPIKey_allowedIPsKnownOnlyAtApply(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/api_key_ips_at_apply")
	ip := func(ip string) config.Variables { return config.Variables{"ip": config.StringVariable(ip)} }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: ip("10.0.0.1")},
			{
				ConfigDirectory: cfg, ConfigVariables: ip("10.0.0.2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(keyAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: ip("10.0.0.2"), PlanOnly: true},
		},
	})
}

// An imported key has no secret; a destination that uses it says why its key
// is empty and what to do, instead of only that none was set.
func TestAccAPIKey_importedKeyHasNoSecret(t *testing.T) {
	s := acctest.NewSandbox(t)
	var id string
	keyOnly := s.Directory(t, "testdata/imported_key")
	withDestination := s.Directory(t, "testdata/imported_key", acctest.Include("testdata/imported_key_destination"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					k, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: "made in the dashboard", Permissions: []string{"users.track"}})
					if err != nil {
						t.Fatal(err)
					}
					id = k.ID
				},
				ConfigDirectory:    keyOnly,
				ResourceName:       "braze_api_key.k",
				ImportState:        true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
				ImportStatePersist: true,
			},
			{
				ConfigDirectory: withDestination,
				ExpectError:     acctest.ErrorMatching(`braze_api_key: no value.*that key was imported.*terraform apply -replace=braze_api_key`),
			},
		},
	})
}
