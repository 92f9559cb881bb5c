package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// AllowedIPsReplace replaces a Braze API key when the set of addresses it
// admits changes, because Braze's API has no way to change a key. Writing the
// same addresses another way, including an empty list for none, is not a
// change. A list that is not known until apply also replaces the key: if the
// plan said update and the apply then found a real change, Terraform would
// fail the apply.
func AllowedIPsReplace() planmodifier.Set {
	return setplanmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
			if req.PlanValue.IsUnknown() {
				resp.RequiresReplace = true
				return
			}
			var planned, held []string
			resp.Diagnostics.Append(req.PlanValue.ElementsAs(ctx, &planned, false)...)
			resp.Diagnostics.Append(req.StateValue.ElementsAs(ctx, &held, false)...)
			resp.RequiresReplace = !facts.SameAddresses(planned, held)
		},
		"A change of the addresses the key admits replaces the key.",
		"A change of the addresses the key admits replaces the key.",
	)
}
