package validators

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Regex refuses a pattern that does not compile, as Amplitude would.
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
