package braze

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// stringCheck adapts a check of a known string to a framework validator.
type stringCheck struct {
	description string
	check       func(string) error
}

func (v stringCheck) Description(context.Context) string         { return v.description }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value", fmt.Sprintf("%s: %v", req.Path, err))
	}
}

// permissionName accepts the REST key permissions Braze publishes.
func permissionName() validator.String {
	return stringCheck{description: "must be a Braze REST API key permission", check: facts.CheckBrazePermission}
}

// ipOrCIDR accepts an IPv4 or IPv6 address or a CIDR block.
func ipOrCIDR() validator.String {
	return stringCheck{description: "must be an IPv4/IPv6 address or CIDR block", check: func(s string) error {
		_, err := facts.ParseIPOrCIDR(s)
		return err
	}}
}
