package facts_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi/destinations"
)

// The sandbox keeps its own copy of the vendor facts it needs rather than
// importing this package, so that one mistake cannot pass both the
// providers' checks and the sandbox's. The copies must still agree: a fact
// changed on one side only fails here, naming the side to follow.

func TestSandboxBrazeInstancesAgree(t *testing.T) {
	for _, name := range slices.Sorted(maps.Keys(facts.BrazeInstances)) {
		if got, want := brazeapi.Instances[name], facts.BrazeInstances[name]; got != want {
			t.Errorf("Braze instance %s: the sandbox has %q, internal/facts %q", name, got, want)
		}
	}
	for name := range brazeapi.Instances {
		if _, found := facts.BrazeInstances[name]; !found {
			t.Errorf("Braze instance %s is in the sandbox but not in internal/facts", name)
		}
	}
}

func TestSandboxBrazePermissionsAgree(t *testing.T) {
	for _, p := range facts.BrazeRESTPermissions {
		if !slices.Contains(brazeapi.Permissions(), p) {
			t.Errorf("%s is a permission in internal/facts but not in the sandbox", p)
		}
	}
	for _, p := range brazeapi.Permissions() {
		if !slices.Contains(facts.BrazeRESTPermissions, p) {
			t.Errorf("%s is a permission in the sandbox but not in internal/facts", p)
		}
	}
}

func TestSandboxAmplitudeEgressIPsAgree(t *testing.T) {
	if !maps.EqualFunc(facts.AmplitudeEgressIPs, destinations.AmplitudeEgressIPs, slices.Equal[[]string]) {
		t.Errorf("Amplitude egress IPs: the sandbox has %v, internal/facts %v", destinations.AmplitudeEgressIPs, facts.AmplitudeEgressIPs)
	}
}
