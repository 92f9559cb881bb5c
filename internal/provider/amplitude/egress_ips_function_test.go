package amplitude_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
)

func TestAccEgressIPsFunction(t *testing.T) {
	s := acctest.NewSandbox(t)
	ips := func(values ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(values))
		for i, v := range values {
			checks[i] = knownvalue.StringExact(v)
		}
		return knownvalue.ListExact(checks)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ProviderFunctions)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: s.Directory(t, "testdata/egress_ips"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("us", ips("52.33.3.219", "35.162.216.242", "52.27.10.221")),
					statecheck.ExpectKnownOutputValue("eu", ips("3.124.22.25", "18.157.59.125", "18.192.47.195")),
				},
			},
			{
				ConfigDirectory: s.Directory(t, "testdata/egress_ips_unknown"),
				ExpectError:     acctest.ErrorMatching(`unknown Amplitude region "APAC"; valid regions are EU, US`),
			},
		},
	})
}

// TestAccEgressIPsFunction_needsNewCLI pins what a user of a CLI without
// provider functions (Terraform before 1.8) sees: the configuration does not
// parse, and the error points at the call.
func TestAccEgressIPsFunction_needsNewCLI(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWith(acctest.ProviderFunctions)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: s.Directory(t, "testdata/egress_ips"),
				ExpectError:     acctest.ErrorMatching(`Error: Missing newline after argument .* value = provider::amplitude::egress_ips\("US"\)`),
			},
			// The harness reads the state through the last step's
			// configuration when the test ends, so that one must parse.
			{ConfigDirectory: s.Directory(t, "testdata/empty")},
		},
	})
}
