package amplitude_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

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
		Steps: []resource.TestStep{
			{
				Config: s.ProviderConfig() + `
output "us" { value = provider::amplitude::egress_ips("US") }
output "eu" { value = provider::amplitude::egress_ips("eu") }
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("us", ips("52.33.3.219", "35.162.216.242", "52.27.10.221")),
					statecheck.ExpectKnownOutputValue("eu", ips("3.124.22.25", "18.157.59.125", "18.192.47.195")),
				},
			},
			{
				Config:      s.ProviderConfig() + `output "bad" { value = provider::amplitude::egress_ips("APAC") }`,
				ExpectError: acctest.ErrorMatching(`unknown Amplitude region "APAC"; valid regions are EU, US`),
			},
		},
	})
}
