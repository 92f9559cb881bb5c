package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// checkTaxonomy warns, at plan time, about every event or property that a
// Braze stream names and the project's tracking plan does not hold. Without
// the warning, a renamed event would stop the stream silently. It only
// warns, and never refuses, because the tracking plan may be managed
// elsewhere or filled in later. Each kind of listing is read once and shared
// by every destination in the run (see developer.Client.Taxonomy).
func (r *brazeDestinationResource) checkTaxonomy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.client == nil || req.Plan.Raw.IsNull() {
		return
	}
	var plan brazeDestinationModel
	if diags := req.Plan.Get(ctx, &plan); diags.HasError() {
		return // unknown values are checked once they are known
	}
	taxonomy := r.client.Taxonomy()
	check := taxonomyCheck{ctx: ctx, taxonomy: taxonomy, diags: &resp.Diagnostics}
	if e := plan.SendEvents; e != nil {
		eventsPath := path.Root("send_events")
		for _, name := range e.Events {
			check.warnUnless(eventsPath.AtName("events"), "event", name, func() (bool, error) { return taxonomy.HasEvent(ctx, name) })
		}
		// An event property is in the tracking plan when one of the
		// forwarded events has it. When every event is forwarded, there is
		// no list of events to look in, so event properties are not checked.
		eventProperty := func(name string) (bool, error) {
			for _, event := range e.Events {
				if held, err := taxonomy.HasEventProperty(ctx, event, name); held || err != nil {
					return held, err
				}
			}
			return false, nil
		}
		for _, name := range e.EventProperties {
			if e.Events != nil {
				check.warnUnless(eventsPath.AtName("event_properties"), "event property", name, func() (bool, error) { return eventProperty(name) })
			}
		}
		for _, name := range e.UserProperties {
			check.warnUnless(eventsPath.AtName("user_properties"), "user property", name, func() (bool, error) { return taxonomy.HasUserProperty(ctx, name) })
		}
		for i, f := range e.Filters {
			name := f.Property.ValueString()
			if f.Property.IsUnknown() || name == "" {
				continue
			}
			check.warnUnless(eventsPath.AtName("filters").AtListIndex(i).AtName("property"), "property", name, func() (bool, error) {
				if held, err := taxonomy.HasUserProperty(ctx, name); held || err != nil {
					return held, err
				}
				// With every event forwarded, the property may belong to
				// any event of the plan, so it is not checked.
				if e.Events == nil {
					return true, nil
				}
				return eventProperty(name)
			})
		}
	}
	if plan.SendUsers != nil {
		for _, name := range plan.SendUsers.UserProperties {
			check.warnUnless(path.Root("send_users").AtName("user_properties"), "user property", name, func() (bool, error) { return taxonomy.HasUserProperty(ctx, name) })
		}
	}
}

// taxonomyCheck collects the warnings of one destination's check, and stops
// checking once the tracking plan cannot be read.
type taxonomyCheck struct {
	ctx      context.Context
	taxonomy *developer.Taxonomy
	diags    *diag.Diagnostics
	stopped  bool
}

// warnUnless asks held whether the tracking plan holds name, an event or
// property as what says, and warns on p when it does not.
func (c *taxonomyCheck) warnUnless(p path.Path, what, name string, held func() (bool, error)) {
	if c.stopped {
		return
	}
	ok, err := held()
	switch {
	case developer.IsScopeError(err):
		// A token without the taxonomy:read scope can still manage
		// destinations, and this check is only a courtesy, so the missing
		// scope is logged rather than shown as a warning.
		tflog.Debug(c.ctx, "tracking plan not checked: the token lacks taxonomy:read")
		c.stopped = true
	case err != nil:
		c.diags.AddWarning("Tracking plan not checked", fmt.Sprintf("The events and properties this destination sends could not be checked against the project's tracking plan: %v", err))
		c.stopped = true
	case !ok:
		c.diags.AddAttributeWarning(p, "Not in the tracking plan",
			fmt.Sprintf("%s: the %s %q is not in the project's tracking plan. If it was renamed, the stream stops sending it; declare it (amplitude_event_type, amplitude_event_property, amplitude_user_property) or correct the name.", p, what, name))
	}
}
