package validators

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// UserPropertyName refuses a user property named with the "gp:" prefix.
// Amplitude's charts, and its older Taxonomy API, show custom user
// properties as gp:<name>; the Developer API and the syncs name them without
// it, so "gp:plan" would be refused, or taken for another property, only
// when it is applied.
func UserPropertyName() validator.String {
	return stringCheck{
		summary:     "User property named with the gp: prefix",
		description: "must not start with gp:, the prefix Amplitude's charts show on custom user properties",
		check: func(name string) error {
			if rest, found := strings.CutPrefix(name, "gp:"); found {
				return fmt.Errorf("%q carries the gp: prefix that Amplitude's charts show on custom user properties; Amplitude names the property without it: %q", name, rest)
			}
			return nil
		},
	}
}
