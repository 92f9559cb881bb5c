package validators

import (
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// IPOrCIDR accepts an IPv4 or IPv6 address or a CIDR block.
func IPOrCIDR() validator.String {
	return stringCheck{
		summary:     "Invalid value",
		description: "must be an IPv4/IPv6 address or CIDR block",
		check: func(s string) error {
			_, err := facts.ParseIPOrCIDR(s)
			return err
		},
	}
}
