package amplitude

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
)

// clients is what Configure hands the provider's resources and data
// sources: a client per Amplitude API, each present only when its
// credentials were given. A configuration that uses only one API needs only
// that API's credentials; a resource that needs a missing client says which
// settings to give.
type clients struct {
	// basic calls the APIs that take the project's API key and secret key:
	// syncs, cohorts, delivery metrics, the Taxonomy API.
	basic        *amplitude.Client
	basicMissing []missingSetting
	// developer calls the Developer API: destinations.
	developer        *developer.Client
	developerMissing []missingSetting
	// dryRunOnPlan asks Amplitude to validate planned destination writes.
	dryRunOnPlan bool
}

// missingSetting is a provider setting that was not given.
type missingSetting struct {
	attribute string
	envVars   []string
}

func (m missingSetting) String() string {
	return fmt.Sprintf("%s (or the %s environment variable)", m.attribute, strings.Join(m.envVars, " or "))
}

func describeMissing(missing []missingSetting) string {
	parts := make([]string, len(missing))
	for i, m := range missing {
		parts[i] = m.String()
	}
	return strings.Join(parts, " and ")
}

// clientsFrom returns the clients that Configure stored, or nil when
// Configure has not run yet.
func clientsFrom(data any, diags *diag.Diagnostics) *clients {
	return shared.ClientFrom[clients](data, diags)
}

// basicFor returns the Basic-auth client for typeName, or reports the
// settings it lacks.
func basicFor(data any, typeName string, diags *diag.Diagnostics) *amplitude.Client {
	c := clientsFrom(data, diags)
	if c == nil {
		return nil
	}
	if c.basic == nil {
		diags.AddError("Missing Amplitude API credentials",
			fmt.Sprintf("%s calls Amplitude APIs that take the project's API key and secret key: set %s in the amplitude provider block.",
				typeName, describeMissing(c.basicMissing)))
	}
	return c.basic
}

// developerFor returns the Developer API client for typeName, or reports the
// settings it lacks.
func developerFor(data any, typeName string, diags *diag.Diagnostics) (*developer.Client, *clients) {
	c := clientsFrom(data, diags)
	if c == nil {
		return nil, nil
	}
	if c.developer == nil {
		diags.AddError("Missing Amplitude Developer API credentials",
			fmt.Sprintf("%s calls Amplitude's Developer API, which takes an access token and a project id: set %s in the amplitude provider block. "+
				"A Personal Access Token is made in Amplitude under your profile settings › Personal access tokens.",
				typeName, describeMissing(c.developerMissing)))
	}
	return c.developer, c
}
