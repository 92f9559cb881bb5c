package validators

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Regex refuses a regular expression that does not compile, so that the plan
// fails where Amplitude would refuse it at apply.
func Regex() validator.String {
	return stringCheck{
		summary:     "Invalid regular expression",
		description: "must be a valid regular expression (RE2 syntax)",
		check: func(s string) error {
			_, err := regexp.Compile(s)
			return err
		},
	}
}
