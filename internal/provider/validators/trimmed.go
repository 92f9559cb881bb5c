package validators

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// trimmedPattern matches a value with no white space at either end.
var trimmedPattern = regexp.MustCompile(`(?s)^\S(?:.*\S)?$`)

// Trimmed refuses a value with white space around it, which Amplitude
// refuses in the tracking plan's names and descriptions.
func Trimmed() validator.String {
	return stringvalidator.RegexMatches(trimmedPattern, "must not begin or end with white space (Amplitude refuses it)")
}
