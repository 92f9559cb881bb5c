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

const eventTypeAddress = "amplitude_event_type.test"

func eventTypeConfig(s *acctest.Sandbox, body string) string {
	return s.ProviderConfig() + "resource \"amplitude_event_type\" \"test\" {\n" + body + "\n}\n"
}

func TestAccEventType_lifecycle(t *testing.T) {
	s := acctest.NewTarget(t)
	name := acctest.Name("Checkout Started")
	described := eventTypeConfig(s, fmt.Sprintf(`
  name        = %q
  description = "The user opened the checkout."
  is_active   = false`, name))
	bare := eventTypeConfig(s, fmt.Sprintf(`name = %q`, name))
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
				Config: described,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(eventTypeAddress, tfjsonpath.New("id"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(eventTypeAddress, tfjsonpath.New("display_name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(eventTypeAddress, tfjsonpath.New("is_active"), knownvalue.Bool(false)),
				},
			},
			{
				// The description removed is cleared; is_active back to its
				// default.
				Config: bare,
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
			{Config: bare, PlanOnly: true},
			{ResourceName: eventTypeAddress, ImportState: true, ImportStateId: name, ImportStateVerify: true},
			{
				PreConfig: func() {
					if _, err := s.Developer().UpdateEvent(context.Background(), name, developer.EventSpec{IsActive: false, Description: ptr("edited")}); err != nil {
						t.Fatal(err)
					}
				},
				Config: bare,
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
				Config: bare,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(eventTypeAddress, plancheck.ResourceActionCreate)},
				},
			},
			{Config: bare, PlanOnly: true},
		},
	})
}

// A live event already in the plan is imported, not created over.
func TestAccEventType_importLiveEvent(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := eventTypeConfig(s, `name = "Purchase"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, ExpectError: acctest.ErrorMatching(`already in the tracking plan.*terraform import amplitude_event_type.<name> "Purchase"`)},
			{Config: config, ResourceName: eventTypeAddress, ImportState: true, ImportStateId: "Purchase", ImportStatePersist: true},
			{Config: config, PlanOnly: true},
		},
	})
}

func TestAccEventType_validation(t *testing.T) {
	s := acctest.NewSandbox(t)
	cases := map[string]struct{ body, want string }{
		"space around the name": {`name = "Purchase "`, `name must not begin or end with white space`},
		"blank description":     {"name = \"x\"\ndescription = \"\"", `description must not be empty or only white space`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps:                    []resource.TestStep{{Config: eventTypeConfig(s, tc.body), PlanOnly: true, ExpectError: acctest.ErrorMatching(tc.want)}},
			})
		})
	}
	if writes := s.Stats(t).Writes(); writes != 0 {
		t.Errorf("invalid configurations reached the API: %d write requests", writes)
	}
}
