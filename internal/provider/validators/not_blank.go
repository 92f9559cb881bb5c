package validators

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// nonBlankPattern matches a string with something other than white space.
var nonBlankPattern = regexp.MustCompile(`\S`)

// NotBlank refuses empty and whitespace-only strings, which both vendors
// refuse as names.
func NotBlank() validator.String {
	return stringvalidator.RegexMatches(nonBlankPattern, "must not be empty or only white space")
}
