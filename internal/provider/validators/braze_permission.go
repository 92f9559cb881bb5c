package validators

import (
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// BrazePermission accepts the REST API key permissions Braze publishes.
func BrazePermission() validator.String {
	return stringCheck{
		summary:     "Invalid value",
		description: "must be a Braze REST API key permission",
		check:       facts.CheckBrazePermission,
	}
}
