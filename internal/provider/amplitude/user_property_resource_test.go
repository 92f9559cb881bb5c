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
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

const userPropertyAddress = "amplitude_user_property.test"

func userPropertyConfig(s *acctest.Sandbox, body string) string {
	return s.ProviderConfig() + "resource \"amplitude_user_property\" \"test\" {\n" + body + "\n}\n"
}

func TestAccUserProperty_lifecycle(t *testing.T) {
	s := acctest.NewSandbox(t)
	enum := userPropertyConfig(s, `
  name            = "loyalty_tier"
  description     = "Bronze, silver or gold."
  type            = "enum"
  enum_values     = ["bronze", "silver", "gold"]
  classifications = ["SENSITIVE"]`)
	renamed := userPropertyConfig(s, `
  name          = "membership_tier"
  type          = "string"
  regex         = "^[a-z]+$"
  is_array_type = true
  is_hidden     = true`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: enum,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("id"), knownvalue.StringExact("loyalty_tier")),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("enum_values"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("bronze"), knownvalue.StringExact("silver"), knownvalue.StringExact("gold"),
					})),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("is_hidden"), knownvalue.Bool(false)),
				},
			},
			{
				// Renaming and retyping update in place; dropped fields are
				// cleared on the server.
				Config: renamed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("id"), knownvalue.StringExact("membership_tier")),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("enum_values"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userPropertyAddress, tfjsonpath.New("classifications"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					if _, err := s.Amplitude().GetUserProperty(context.Background(), "loyalty_tier"); !amplitude.IsNotFound(err) {
						return fmt.Errorf("the old name still resolves (err %w)", err)
					}
					p, err := s.Amplitude().GetUserProperty(context.Background(), "membership_tier")
					if err != nil || p.Regex != "^[a-z]+$" || !p.IsArrayType || p.Description != "" {
						return fmt.Errorf("server holds %+v, %w", p, err)
					}
					return nil
				},
			},
			{
				ResourceName:      userPropertyAddress,
				ImportState:       true,
				ImportStateId:     "gp:membership_tier",
				ImportStateVerify: true,
			},
			{
				PreConfig: func() {
					p, err := s.Amplitude().GetUserProperty(context.Background(), "membership_tier")
					if err != nil {
						t.Fatal(err)
					}
					p.IsHidden = false
					if _, err := s.Amplitude().UpdateUserProperty(context.Background(), p.Name, *p); err != nil {
						t.Fatal(err)
					}
				},
				Config: renamed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionUpdate)},
				},
			},
			{
				PreConfig: func() {
					if err := s.Amplitude().DeleteUserProperty(context.Background(), "membership_tier"); err != nil {
						t.Fatal(err)
					}
				},
				Config: renamed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userPropertyAddress, plancheck.ResourceActionCreate)},
				},
			},
			{Config: renamed, PlanOnly: true},
		},
	})
}

func TestAccUserProperty_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cases := map[string]struct{ body, want string }{
		"gp prefix":           {`name = "gp:tier"`, `name must not start with "gp:"`},
		"unknown type":        {"name = \"t\"\ntype = \"date\"", `type value must be one of: \["string" "number" "boolean" "enum" "any"\]`},
		"regex on a number":   {"name = \"t\"\ntype = \"number\"\nregex = \"[0-9]+\"", `regex: only applies to type "string"; this property's type is "number"`},
		"enum without values": {"name = \"t\"\ntype = \"enum\"", `enum_values: required when type is "enum"`},
		"values without enum": {"name = \"t\"\nenum_values = [\"a\"]", `enum_values: only applies to type "enum"; this property's type is "any"`},
		"comma in a value":    {"name = \"t\"\ntype = \"enum\"\nenum_values = [\"a,b\"]", `must not contain a comma`},
		"unknown class":       {"name = \"t\"\nclassifications = [\"SECRET\"]", `value must be one of: \["PII" "SENSITIVE" "REVENUE"\]`},
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
