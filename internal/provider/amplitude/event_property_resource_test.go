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

const eventPropertyAddress = "amplitude_event_property.test"

func eventPropertyConfig(s *acctest.Sandbox, body string) string {
	return s.ProviderConfig() + `
resource "amplitude_event_type" "checkout" {
  name = "` + acctest.Name("Checkout Completed") + `"
}

resource "amplitude_event_property" "test" {
  event_type = amplitude_event_type.checkout.name
` + body + "\n}\n"
}

func TestAccEventProperty_lifecycle(t *testing.T) {
	s := acctest.NewTarget(t)
	event := acctest.Name("Checkout Completed")
	full := eventPropertyConfig(s, `
  name            = "cart_value"
  description     = "The cart's total."
  type            = "number"
  classifications = ["REVENUE"]`)
	// Every mutable attribute changed, the type too, in place.
	changed := eventPropertyConfig(s, `
  name          = "cart_value"
  type          = "string"
  regex         = "^[0-9]+$"
  is_array_type = true
  is_hidden     = true`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: full,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(eventPropertyAddress, tfjsonpath.New("id"), knownvalue.StringExact(event+"/cart_value")),
					statecheck.ExpectKnownValue(eventPropertyAddress, tfjsonpath.New("type"), knownvalue.StringExact("number")),
				},
			},
			{
				Config: changed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventPropertyAddress, plancheck.ResourceActionUpdate)},
				},
				Check: func(*terraform.State) error {
					p, err := s.Developer().GetEventProperty(context.Background(), event, "cart_value")
					if err != nil || *p.DataType != "string" || p.Description != nil || len(p.Classifications) != 0 || !p.IsArrayType || !p.IsHidden {
						return fmt.Errorf("server holds %+v, %w", p, err)
					}
					return nil
				},
			},
			{Config: changed, PlanOnly: true},
			{ResourceName: eventPropertyAddress, ImportState: true, ImportStateId: event + "/cart_value", ImportStateVerify: true},
			{
				PreConfig: func() {
					if _, err := s.Developer().UpdateEventProperty(context.Background(), event, "cart_value", developer.PropertySpec{DataType: ptr("number")}); err != nil {
						t.Fatal(err)
					}
				},
				Config: changed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventPropertyAddress, plancheck.ResourceActionUpdate)},
				},
			},
			{
				PreConfig: func() {
					if err := s.Developer().DeleteEventProperty(context.Background(), event, "cart_value"); err != nil {
						t.Fatal(err)
					}
				},
				Config: changed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventPropertyAddress, plancheck.ResourceActionCreate)},
				},
			},
			{Config: changed, PlanOnly: true},
		},
	})
}

// A property of a live event that has data but is not in the plan: the
// create promotes it.
func TestAccEventProperty_promotesIngestedProperty(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := s.ProviderConfig() + `
resource "amplitude_event_property" "test" {
  event_type  = "Purchase"
  name        = "currency"
  type        = "string"
  description = "ISO 4217 code."
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: resource.TestCheckResourceAttr(eventPropertyAddress, "description", "ISO 4217 code.")},
			{Config: config, PlanOnly: true},
		},
	})
}

func TestAccEventProperty_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cases := map[string]struct{ body, want string }{
		"enum value with spaces": {"name = \"size\"\ntype = \"enum\"\nenum_values = [\"small \"]", `enum_values.*must not begin or end with white space`},
		"regex on an enum":       {"name = \"size\"\ntype = \"enum\"\nenum_values = [\"s\"]\nregex = \"s\"", `regex: only applies to type "string"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps:                    []resource.TestStep{{Config: eventPropertyConfig(s, tc.body), PlanOnly: true, ExpectError: acctest.ErrorMatching(tc.want)}},
			})
		})
	}
	if writes := s.Stats(t).Writes(); writes != 0 {
		t.Errorf("invalid configurations reached the API: %d write requests", writes)
	}
}
