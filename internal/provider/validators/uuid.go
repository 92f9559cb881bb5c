package validators

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// UUID accepts the 8-4-4-4-12 hexadecimal shape of Braze app identifiers.
func UUID() validator.String {
	return stringvalidator.RegexMatches(uuidPattern, "must be UUID-shaped, like 01234567-89ab-cdef-0123-456789abcdef")
}
