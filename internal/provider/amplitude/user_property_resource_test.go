package amplitude_test

import (
	"context"
	"fmt"
	"testing"

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

func userPropertyConfig(s *acctest.Sandbox, body string) string {
	return s.ProviderConfig() + "resource \"amplitude_user_property\" \"test\" {\n" + body + "\n}\n"
}

func ptr[T any](v T) *T { return &v }

func TestAccUserProperty_lifecycle(t *testing.T) {
	s := acctest.NewTarget(t)
	name := acctest.Name("loyalty_tier")
	full := userPropertyConfig(s, `
  name            = "`+name+`"
  display_name    = "Loyalty tier"
  description     = "Bronze, silver or gold."
  type            = "enum"
  enum_values     = ["bronze", "silver", "gold"]
  classifications = ["SENSITIVE"]`)
	// Every mutable attribute changed, the optional ones removed.
	changed := userPropertyConfig(s, `
  name        = "`+name+`"
  type        = "enum"
  enum_values = ["bronze", "silver", "gold"]
  is_hidden   = true`)
	retyped := userPropertyConfig(s, `
  name  = "`+name+`"
  type  = "string"
  regex = "^[a-z]+$"`)
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
				Config: full,
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
				Config: changed,
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
			{Config: changed, PlanOnly: true},
			{
				// The type is set at creation: changing it replaces the
				// property, which a create after the (soft) delete brings
				// back with the new type.
				Config: retyped,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("regex"), knownvalue.StringExact("^[a-z]+$")),
				},
			},
			{Config: retyped, PlanOnly: true},
			{
				ResourceName:      userPropertyAddress,
				ImportState:       true,
				ImportStateId:     "gp:" + name,
				ImportStateVerify: true,
			},
			{
				// Changed in the dashboard: drift, corrected.
				PreConfig: func() {
					if _, err := s.Developer().UpdateUserProperty(context.Background(), name, developer.PropertySpec{IsHidden: true, Description: ptr("edited")}); err != nil {
						t.Fatal(err)
					}
				},
				Config: retyped,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionUpdate)},
				},
			},
			{
				// Deleted outside Terraform: the plan creates it again.
				PreConfig: func() {
					if err := s.Developer().DeleteUserProperty(context.Background(), name); err != nil {
						t.Fatal(err)
					}
				},
				Config: retyped,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionCreate)},
				},
			},
			{Config: retyped, PlanOnly: true},
		},
	})
}

// A property with data that is not in the tracking plan is created by
// promoting it: one create, and the next plan is empty.
func TestAccUserProperty_promotesIngestedProperty(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := userPropertyConfig(s, `
  name        = "referral_source"
  type        = "string"
  description = "Where the user came from."`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					p, err := s.Developer().GetUserProperty(context.Background(), "referral_source")
					if err != nil || !p.IsInSchema || *p.Description != "Where the user came from." {
						return fmt.Errorf("server holds %+v, %w", p, err)
					}
					return nil
				},
			},
			{Config: config, PlanOnly: true},
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
			Config:      userPropertyConfig(s, "name = \"plan\"\ntype = \"string\""),
			ExpectError: acctest.ErrorMatching(`"plan": it is already in the tracking plan.*terraform import amplitude_user_property.<name> "plan"`),
		}},
	})
}

func TestAccUserProperty_builtIn(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      userPropertyConfig(s, "name = \"country\"\ntype = \"string\""),
				ExpectError: acctest.ErrorMatching(`read_only_property.*refer to them by name`),
			},
			{
				// Importing one says it is built in, before any request.
				Config:        userPropertyConfig(s, "name = \"country\"\ntype = \"string\""),
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
	cases := map[string]struct{ body, want string }{
		"unknown type":        {"name = \"t\"\ntype = \"date\"", `type value must be one of: \["string" "number" "boolean" "object" "enum" "any"\]`},
		"regex on a number":   {"name = \"t\"\ntype = \"number\"\nregex = \"[0-9]+\"", `regex: only applies to type "string"; this property's type is "number"`},
		"enum without values": {"name = \"t\"\ntype = \"enum\"", `enum_values: required when type is "enum"`},
		"values without enum": {"name = \"t\"\nenum_values = [\"a\"]", `enum_values: only applies to type "enum"; this property's type is "any"`},
		"space around value":  {"name = \"t\"\ntype = \"enum\"\nenum_values = [\" gold\"]", `must not begin or end with white space`},
		"unknown class":       {"name = \"t\"\nclassifications = [\"SECRET\"]", `value must be one of: \["PII" "SENSITIVE" "INTERNAL" "REVENUE"\]`},
		"bad regex":           {"name = \"t\"\ntype = \"string\"\nregex = \"[a-\"", `regex: error parsing regexp: missing closing \]`},
		"blank name":          {`name = "  "`, `name must not be empty or only white space`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      userPropertyConfig(s, tc.body),
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
	config := userPropertyConfig(s, "name = \""+acctest.Name("segment")+"\"\ntype = \"string\"\nclassifications = []")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{Config: config, PlanOnly: true},
		},
	})
}
