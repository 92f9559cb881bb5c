package amplitude_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

func captureResourceID(address string, id *string) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		*id = state.RootModule().Resources[address].Primary.ID
		return nil
	}
}

func checkSameResourceID(address string, id *string) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		if got := state.RootModule().Resources[address].Primary.ID; got != *id {
			return fmt.Errorf("%s id changed from %s to %s: the resource was replaced", address, *id, got)
		}
		return nil
	}
}

// checkServerDestination asserts on what the sandbox holds for the
// destination at address, not on state.
func checkServerDestination(s *acctest.Sandbox, address string, check func(*developer.Destination) error) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		d, err := s.Developer().GetDestination(context.Background(), state.RootModule().Resources[address].Primary.ID)
		if err != nil {
			return err
		}
		return check(d)
	}
}

// afterPlan runs a function once the plan is made, as a plan check. Run
// before the apply (PreApply), it stages a change made in Amplitude between
// a user's plan and apply, since the testing framework applies the saved
// plan. Run in a plan-only step, it checks what making the plan sent.
type afterPlan func() error

func (a afterPlan) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = a()
}

// createEventStream makes a Braze event-streaming destination out of band,
// for tests of what reads one by its id.
func createEventStream(t *testing.T, s *acctest.Sandbox, name string) *developer.Destination {
	t.Helper()
	return createEventStreamWithKey(t, s, name, acctest.BrazeAdminKey)
}

// createEventStreamWithKey is createEventStream holding the Braze key key.
func createEventStreamWithKey(t *testing.T, s *acctest.Sandbox, name, key string) *developer.Destination {
	t.Helper()
	stream, err := s.Developer().CreateDestination(context.Background(), developer.PartnerBraze, developer.BrazeStream{
		Endpoint: acctest.BrazeEndpoint, APIKey: key, AppID: acctest.BrazeAppID,
		UserIDMapping: developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
		Events:        &developer.BrazeEvents{},
	}.Spec(acctest.Name(name), true))
	if err != nil {
		t.Fatal(err)
	}
	return stream
}
