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

const eventTypeAddress = "amplitude_event_type.test"

// eventTypeConfig is testdata/event_type: one event type whose arguments
// are the step's variables.
const eventTypeConfig = "testdata/event_type"

func TestAccEventType_lifecycle(t *testing.T) {
	s := acctest.NewTarget(t)
	cfg := s.Directory(t, eventTypeConfig)
	name := acctest.Name("Checkout Started")
	described := config.Variables{"name": str(name), "description": str("The user opened the checkout."), "is_active": boolean(false)}
	bare := config.Variables{"name": str(name)}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, err := s.Developer().GetEvent(context.Background(), name); !developer.IsNotFound(err) {
				return fmt.Errorf("after destroy the event still reads: %w", err)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg, ConfigVariables: described,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(eventTypeAddress, tfjsonpath.New("id"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(eventTypeAddress, tfjsonpath.New("display_name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(eventTypeAddress, tfjsonpath.New("is_active"), knownvalue.Bool(false)),
				},
			},
			{
				// Removing the description from the configuration clears it
				// in Amplitude, and is_active returns to its default.
				ConfigDirectory: cfg, ConfigVariables: bare,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventTypeAddress, plancheck.ResourceActionUpdate)},
				},
				Check: func(*terraform.State) error {
					e, err := s.Developer().GetEvent(context.Background(), name)
					if err != nil || e.Description != nil || !e.IsActive {
						return fmt.Errorf("server holds %+v, %w", e, err)
					}
					return nil
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: bare, PlanOnly: true},
			{ConfigDirectory: cfg, ConfigVariables: bare, ResourceName: eventTypeAddress, ImportState: true, ImportStateId: name, ImportStateVerify: true},
			{
				PreConfig: func() {
					if _, err := s.Developer().UpdateEvent(context.Background(), name, developer.EventSpec{IsActive: false, Description: ptr("edited")}); err != nil {
						t.Fatal(err)
					}
				},
				ConfigDirectory: cfg, ConfigVariables: bare,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventTypeAddress, plancheck.ResourceActionUpdate)},
				},
			},
			{
				PreConfig: func() {
					if err := s.Developer().DeleteEvent(context.Background(), name); err != nil {
						t.Fatal(err)
					}
				},
				ConfigDirectory: cfg, ConfigVariables: bare,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventTypeAddress, plancheck.ResourceActionCreate)},
				},
			},
			{ConfigDirectory: cfg, ConfigVariables: bare, PlanOnly: true},
		},
	})
}

// A live event already in the plan is imported, not created over.
func TestAccEventType_importLiveEvent(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, eventTypeConfig)
	purchase := config.Variables{"name": str("Purchase")}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: cfg, ConfigVariables: purchase, ExpectError: acctest.ErrorMatching(`already in the tracking plan.*terraform import amplitude_event_type.<name> "Purchase"`)},
			{ConfigDirectory: cfg, ConfigVariables: purchase, ResourceName: eventTypeAddress, ImportState: true, ImportStateId: "Purchase", ImportStatePersist: true},
			{ConfigDirectory: cfg, ConfigVariables: purchase, PlanOnly: true},
		},
	})
}

func TestAccEventType_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, eventTypeConfig)
	cases := map[string]struct {
		vars config.Variables
		want string
	}{
		"space around the name": {config.Variables{"name": str("Purchase ")}, `name must not begin or end with white space`},
		"blank description":     {config.Variables{"name": str("x"), "description": str("")}, `description must not be empty or only white space`},
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
