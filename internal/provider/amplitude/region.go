package amplitude

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// canonicalRegion reads an Amplitude data region the one way the region
// attribute, AMPLITUDE_REGION and provider::amplitude::egress_ips all
// accept it: US or EU, in any case, with white space around ignored.
func canonicalRegion(raw string) (string, error) {
	region := strings.ToUpper(strings.TrimSpace(raw))
	if region != "US" && region != "EU" {
		return "", fmt.Errorf("unknown Amplitude region %q; valid regions are EU, US (in any case)", raw)
	}
	return region, nil
}

// regionValidator refuses what canonicalRegion refuses.
type regionValidator struct{}

func (regionValidator) Description(context.Context) string {
	return "must be US or EU, in any case"
}

func (v regionValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (regionValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := canonicalRegion(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Amplitude region", fmt.Sprintf("%s: %v", req.Path, err))
	}
}
