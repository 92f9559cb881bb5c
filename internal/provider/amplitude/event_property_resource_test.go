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

const eventPropertyAddress = "amplitude_event_property.test"

// eventPropertyConfig is testdata/event_property: one event property whose
// arguments are the step's variables, of an event type it manages when
// planned_event is set.
const eventPropertyConfig = "testdata/event_property"

// ofCheckout adds to vars that the property belongs to the event type
// "Checkout Completed" (behind the live run's prefix), which the
// configuration manages. It is not the event type test's "Checkout
// Started": a live run's tests share one project.
func ofCheckout(vars config.Variables) config.Variables {
	vars["planned_event"] = str(acctest.Name("Checkout Completed"))
	return vars
}

func TestAccEventProperty_lifecycle(t *testing.T) {
	s := acctest.NewTarget(t)
	cfg := s.Directory(t, eventPropertyConfig)
	event := acctest.Name("Checkout Completed")
	full := ofCheckout(config.Variables{"name": str("cart_value"), "description": str("The cart's total."), "type": str("number"), "classifications": strs("REVENUE")})
	// Every attribute that can change in place is changed, the type
	// included.
	changed := ofCheckout(config.Variables{"name": str("cart_value"), "type": str("string"), "regex": str("^[0-9]+$"), "is_array_type": boolean(true), "is_hidden": boolean(true)})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: full,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(eventPropertyAddress, tfjsonpath.New("id"), knownvalue.StringExact(event+"/cart_value")),
					statecheck.ExpectKnownValue(eventPropertyAddress, tfjsonpath.New("type"), knownvalue.StringExact("number")),
				},
			},
			{
				ConfigDirectory: cfg, ConfigVariables: changed,
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
			{ConfigDirectory: cfg, ConfigVariables: changed, PlanOnly: true},
			{ConfigDirectory: cfg, ConfigVariables: changed, ResourceName: eventPropertyAddress, ImportState: true, ImportStateId: event + "/cart_value", ImportStateVerify: true},
			{
				PreConfig: func() {
					if _, err := s.Developer().UpdateEventProperty(context.Background(), event, "cart_value", developer.PropertySpec{DataType: ptr("number")}); err != nil {
						t.Fatal(err)
					}
				},
				ConfigDirectory: cfg, ConfigVariables: changed,
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
				ConfigDirectory: cfg, ConfigVariables: changed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventPropertyAddress, plancheck.ResourceActionCreate)},
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: changed, PlanOnly: true},
		},
	})
}

// A property of a live event that has data but is not in the plan: the
// create promotes it.
func TestAccEventProperty_promotesIngestedProperty(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, eventPropertyConfig)
	currency := config.Variables{"event_type": str("Purchase"), "name": str("currency"), "type": str("string"), "description": str("ISO 4217 code.")}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: currency, Check: resource.TestCheckResourceAttr(eventPropertyAddress, "description", "ISO 4217 code.")},
			{ConfigDirectory: cfg, ConfigVariables: currency, PlanOnly: true},
		},
	})
}

func TestAccEventProperty_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, eventPropertyConfig)
	cases := map[string]struct {
		vars config.Variables
		want string
	}{
		"enum value with spaces": {ofCheckout(config.Variables{"name": str("size"), "type": str("enum"), "enum_values": strs("small ")}), `enum_values.*must not begin or end with white space`},
		"regex on an enum":       {ofCheckout(config.Variables{"name": str("size"), "type": str("enum"), "enum_values": strs("s"), "regex": str("s")}), `regex: only applies to type "string"`},
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
