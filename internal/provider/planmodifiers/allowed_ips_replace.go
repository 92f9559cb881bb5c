package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// AllowedIPsReplace replaces a Braze key when the addresses it admits
// change, and not for another spelling of the same ones (an empty list for
// none included). A list not known until apply replaces it: deciding on
// update and finding a real change at apply would fail the apply.
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
