package braze_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

func TestAccRESTEndpointFunction(t *testing.T) {
	s := acctest.NewTarget(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ProviderFunctions)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: s.Directory(t, "testdata/rest_endpoint"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("us", knownvalue.StringExact("https://rest.iad-05.braze.com")),
					statecheck.ExpectKnownOutputValue("eu", knownvalue.StringExact("https://rest.fra-01.braze.eu")),
				},
			},
			{
				ConfigDirectory: s.Directory(t, "testdata/rest_endpoint_unknown"),
				ExpectError:     acctest.ErrorMatching(`unknown Braze instance "US-09"; valid instances are AU-01, EU-01`),
			},
		},
	})
}

func TestAccPermissionsFunction(t *testing.T) {
	s := acctest.NewTarget(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ProviderFunctions)},
		Steps: []resource.TestStep{{
			ConfigDirectory: s.Directory(t, "testdata/permissions"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("count", knownvalue.Int64Exact(int64(len(facts.BrazeRESTPermissions)))),
				statecheck.ExpectKnownOutputValue("sorted", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("track", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("keys", knownvalue.Bool(true)),
			},
		}},
	})
}

// TestAccRESTEndpointFunction_needsNewCLI pins what a user of a CLI without
// provider functions (Terraform before 1.8) sees: the configuration does not
// parse, and the error points at the call.
func TestAccRESTEndpointFunction_needsNewCLI(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWith(acctest.ProviderFunctions)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: s.Directory(t, "testdata/rest_endpoint"),
				ExpectError:     acctest.ErrorMatching(`Error: Missing newline after argument .* value = provider::braze::rest_endpoint\("US-05"\)`),
			},
			// The harness reads the state through the last step's
			// configuration when the test ends, so that one must parse.
			{ConfigDirectory: s.Directory(t, "testdata/empty")},
		},
	})
}
