package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

// OneTimeCadenceReplaces requires replacement when a sync's cadence moves to
// or from one_time, or may (not known until apply): a one-time sync runs
// once, at creation, so it cannot become a scheduled one in place.
func OneTimeCadenceReplaces() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			if req.StateValue.IsNull() {
				return
			}
			// A cadence not known until apply may turn out to be one_time:
			// planning an update then would fail the apply, when Terraform
			// finds a replacement, with an inconsistent final plan. A
			// replacement planned for a value that turns out scheduled is
			// only more work.
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
