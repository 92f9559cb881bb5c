package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

// OneTimeCadenceReplaces replaces a sync when its cadence changes to or from
// one_time, because a one-time sync runs once, at creation, and so cannot
// become a scheduled one in place. A cadence that is not known until apply
// also replaces the sync, since it may turn out to be one_time.
func OneTimeCadenceReplaces() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			if req.StateValue.IsNull() {
				return
			}
			// If the plan said update and the cadence turned out to be
			// one_time, Terraform would find a replacement at apply and fail
			// with an inconsistent final plan. Planning a replacement that
			// turns out not to be needed only costs more work.
			if req.PlanValue.IsUnknown() {
				resp.RequiresReplace = true
				return
			}
			before, after := req.StateValue.ValueString(), req.PlanValue.ValueString()
			resp.RequiresReplace = before != after && (before == amplitude.CadenceOneTime || after == amplitude.CadenceOneTime)
		},
		"A change to or from one_time replaces the sync: a one-time sync runs once, at creation.",
		"A change to or from `one_time` replaces the sync: a one-time sync runs once, at creation.",
	)
}
