package amplitude_test

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
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
func checkServerDestination(s *acctest.Sandbox, address string, check func(*amplitude.Destination) error) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		d, err := s.Amplitude().GetDestination(context.Background(), state.RootModule().Resources[address].Primary.ID)
		if err != nil {
			return err
		}
		return check(d)
	}
}
