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

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

const userPropertyAddress = "amplitude_user_property.test"

// userPropertyConfig is testdata/user_property: one user property whose
// arguments are the step's variables.
const userPropertyConfig = "testdata/user_property"

func ptr[T any](v T) *T { return &v }

func TestAccUserProperty_lifecycle(t *testing.T) {
	s := acctest.NewTarget(t)
	cfg := s.Directory(t, userPropertyConfig)
	name := acctest.Name("loyalty_tier")
	full := config.Variables{"name": str(name), "display_name": str("Loyalty tier"), "description": str("Bronze, silver or gold."),
		"type": str("enum"), "enum_values": strs("bronze", "silver", "gold"), "classifications": strs("SENSITIVE")}
	// Every attribute that can change in place is changed, and the optional
	// ones are removed.
	changed := config.Variables{"name": str(name), "type": str("enum"), "enum_values": strs("bronze", "silver", "gold"), "is_hidden": boolean(true)}
	retyped := config.Variables{"name": str(name), "type": str("string"), "regex": str("^[a-z]+$")}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, err := s.Developer().GetUserProperty(context.Background(), name); !developer.IsNotFound(err) {
				return fmt.Errorf("after destroy the property still reads: %w", err)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: full,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("id"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("display_name"), knownvalue.StringExact("Loyalty tier")),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("enum_values"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("bronze"), knownvalue.StringExact("silver"), knownvalue.StringExact("gold"),
					})),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("is_hidden"), knownvalue.Bool(false)),
				},
			},
			{
				ConfigDirectory: cfg, ConfigVariables: changed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("display_name"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("classifications"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					p, err := s.Developer().GetUserProperty(context.Background(), name)
					if err != nil || p.Description != nil || p.DisplayName != nil || len(p.Classifications) != 0 || !p.IsHidden {
						return fmt.Errorf("server holds %+v, %w", p, err)
					}
					return nil
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: changed, PlanOnly: true},
			{
				// The type is set at creation: changing it replaces the
				// property, which a create after the (soft) delete brings
				// back with the new type.
				ConfigDirectory: cfg, ConfigVariables: retyped,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("regex"), knownvalue.StringExact("^[a-z]+$")),
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: retyped, PlanOnly: true},
			{
				ConfigDirectory:   cfg,
				ConfigVariables:   retyped,
				ResourceName:      userPropertyAddress,
				ImportState:       true,
				ImportStateId:     "gp:" + name,
				ImportStateVerify: true,
			},
			{
				// Someone changes the property in Amplitude's dashboard: the
				// plan shows the drift, and the apply puts back what the
				// configuration says.
				PreConfig: func() {
					if _, err := s.Developer().UpdateUserProperty(context.Background(), name, developer.PropertySpec{IsHidden: true, Description: ptr("edited")}); err != nil {
						t.Fatal(err)
					}
				},
				ConfigDirectory: cfg, ConfigVariables: retyped,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionUpdate)},
				},
			},
			{
				// Someone deletes the property outside Terraform, so the plan
				// creates it again.
				PreConfig: func() {
					if err := s.Developer().DeleteUserProperty(context.Background(), name); err != nil {
						t.Fatal(err)
					}
				},
				ConfigDirectory: cfg, ConfigVariables: retyped,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionCreate)},
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: retyped, PlanOnly: true},
		},
	})
}

// A property with data that is not in the tracking plan is created by
// promoting it: one create, and the next plan is empty.
func TestAccUserProperty_promotesIngestedProperty(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, userPropertyConfig)
	referral := config.Variables{"name": str("referral_source"), "type": str("string"), "description": str("Where the user came from.")}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: referral,
				Check: func(*terraform.State) error {
					p, err := s.Developer().GetUserProperty(context.Background(), "referral_source")
					if err != nil || !p.IsInSchema || *p.Description != "Where the user came from." {
						return fmt.Errorf("server holds %+v, %w", p, err)
					}
					return nil
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: referral, PlanOnly: true},
		},
	})
}

// A property already in the plan is not taken over by a create: the error
// says to import it.
func TestAccUserProperty_alreadyInPlan(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			ConfigDirectory: s.Directory(t, userPropertyConfig),
			ConfigVariables: config.Variables{"name": str("plan"), "type": str("string")},
			ExpectError:     acctest.ErrorMatching(`"plan": it is already in the tracking plan.*terraform import amplitude_user_property.<name> "plan"`),
		}},
	})
}

func TestAccUserProperty_builtIn(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, userPropertyConfig)
	country := config.Variables{"name": str("country"), "type": str("string")}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: country,
				ExpectError: acctest.ErrorMatching(`read_only_property.*refer to them by name`),
			},
			{
				// Importing one says it is built in, before any request.
				ConfigDirectory: cfg, ConfigVariables: country,
				ResourceName:  userPropertyAddress,
				ImportState:   true,
				ImportStateId: "[Amplitude] Country",
				ExpectError:   acctest.ErrorMatching(`"\[Amplitude\] Country" is one of the user properties Amplitude tracks by itself \(built in\)`),
			},
		},
	})
}

func TestAccUserProperty_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, userPropertyConfig)
	cases := map[string]struct {
		vars config.Variables
		want string
	}{
		"unknown type":        {config.Variables{"name": str("t"), "type": str("date")}, `type value must be one of: \["string" "number" "boolean" "object" "enum" "any"\]`},
		"regex on a number":   {config.Variables{"name": str("t"), "type": str("number"), "regex": str("[0-9]+")}, `regex: only applies to type "string"; this property's type is "number"`},
		"enum without values": {config.Variables{"name": str("t"), "type": str("enum")}, `enum_values: required when type is "enum"`},
		"values without enum": {config.Variables{"name": str("t"), "enum_values": strs("a")}, `enum_values: only applies to type "enum"; this property's type is "any"`},
		"space around value":  {config.Variables{"name": str("t"), "type": str("enum"), "enum_values": strs(" gold")}, `must not begin or end with white space`},
		"unknown class":       {config.Variables{"name": str("t"), "classifications": strs("SECRET")}, `value must be one of: \["PII" "SENSITIVE" "INTERNAL" "REVENUE"\]`},
		"bad regex":           {config.Variables{"name": str("t"), "type": str("string"), "regex": str("[a-")}, `regex: error parsing regexp: missing closing \]`},
		"blank name":          {config.Variables{"name": str("  ")}, `name must not be empty or only white space`},
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

// An empty classifications list means none, and reads back as written.
func TestAccUserProperty_emptyClassifications(t *testing.T) {
	s := acctest.NewTarget(t)
	cfg := s.Directory(t, userPropertyConfig)
	segment := config.Variables{"name": str(acctest.Name("segment")), "type": str("string"), "classifications": strs()}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: segment},
			{ConfigDirectory: cfg, ConfigVariables: segment, PlanOnly: true},
		},
	})
}
