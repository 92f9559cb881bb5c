package validators

import (
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// AmplitudeRegion accepts US or EU in any case, the regions that
// facts.CanonicalAmplitudeRegion recognises.
func AmplitudeRegion() validator.String {
	return stringCheck{
		summary:     "Invalid Amplitude region",
		description: "must be US or EU, in any case",
		check: func(s string) error {
			_, err := facts.CanonicalAmplitudeRegion(s)
			return err
		},
	}
}
