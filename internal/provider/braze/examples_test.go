package braze_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// These tests apply the registry examples under examples/braze as they are,
// check that Braze then holds what each example says it makes, and destroy
// them: an example that stops working fails here.

var needsFunctions = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ProviderFunctions)}

// checkServerKey asserts on what the sandbox holds for the key at address.
func checkServerKey(s *acctest.Sandbox, address string, check func(permissions, allowedIPs []string) error) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		key, err := s.Braze().GetAPIKey(context.Background(), state.RootModule().Resources[address].Primary.ID)
		if err != nil {
			return err
		}
		return check(key.Permissions, key.AllowedIPs)
	}
}

func TestAccExample_apiKey(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "braze/resources/braze_api_key", nil, needsFunctions,
		statecheck.ExpectKnownValue("amplitude_braze_destination.stream", tfjsonpath.New("braze_endpoint"), knownvalue.StringExact("https://rest.iad-05.braze.com")),
	)
	tc.Steps[0].Check = checkServerKey(s, "braze_api_key.amplitude_stream", func(permissions, allowedIPs []string) error {
		if !slices.Equal(permissions, []string{"users.track"}) || !facts.SameAddresses(allowedIPs, facts.AmplitudeEgressIPs["US"]) {
			return fmt.Errorf("Braze holds a key with %v from %v; the example makes users.track from Amplitude's US addresses", permissions, allowedIPs)
		}
		return nil
	})
	resource.ParallelTest(t, tc)
}

// The example asks for every documented permission but the key-management
// ones: Braze (here, the sandbox's own copy of the list) must accept each.
func TestAccExample_permissionsFunction(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "braze/functions/permissions", nil, needsFunctions)
	tc.Steps[0].Check = checkServerKey(s, "braze_api_key.integration", func(permissions, _ []string) error {
		want := slices.DeleteFunc(slices.Clone(facts.BrazeRESTPermissions), func(p string) bool {
			return slices.Contains([]string{"api_keys.create", "api_keys.delete", "api_keys.info", "api_keys.list"}, p)
		})
		if !slices.Equal(slices.Sorted(slices.Values(permissions)), want) {
			return fmt.Errorf("Braze holds a key with %d permissions; the example asks for %d", len(permissions), len(want))
		}
		return nil
	})
	resource.ParallelTest(t, tc)
}

func TestAccExample_restEndpointFunction(t *testing.T) {
	_, tc := acctest.ExampleCase(t, "braze/functions/rest_endpoint", nil, needsFunctions,
		statecheck.ExpectKnownOutputValue("eu_endpoint", knownvalue.StringExact("https://rest.fra-01.braze.eu")),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_customAttributesDataSource(t *testing.T) {
	_, tc := acctest.ExampleCase(t, "braze/data-sources/braze_custom_attributes", nil, nil,
		statecheck.ExpectKnownOutputValue("active_custom_attributes", knownvalue.SetPartial([]knownvalue.Check{
			knownvalue.StringExact("country"), knownvalue.StringExact("plan"),
		})),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_customEventsDataSource(t *testing.T) {
	_, tc := acctest.ExampleCase(t, "braze/data-sources/braze_custom_events", nil, nil,
		statecheck.ExpectKnownOutputValue("purchase_arrived", knownvalue.Bool(true)),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_segmentsDataSource(t *testing.T) {
	_, tc := acctest.LiveExampleCase(t, "braze/data-sources/braze_segments", nil, nil,
		statecheck.ExpectKnownValue("data.braze_segments.all", tfjsonpath.New("names"), knownvalue.NotNull()),
	)
	resource.ParallelTest(t, tc)
}
