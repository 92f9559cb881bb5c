package planmodifiers

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// An update of an existing object: RequiresReplaceIf asks its function only
// then.
var (
	existing = tfsdk.State{Raw: tftypes.NewValue(tftypes.Object{}, map[string]tftypes.Value{})}
	planned  = tfsdk.Plan{Raw: tftypes.NewValue(tftypes.Object{}, map[string]tftypes.Value{})}
)

func TestOneTimeCadenceReplaces(t *testing.T) {
	for _, c := range []struct {
		before  string
		after   types.String
		replace bool
	}{
		{"hourly", types.StringValue("daily"), false},
		{"hourly", types.StringValue("one_time"), true},
		{"one_time", types.StringValue("daily"), true},
		{"one_time", types.StringValue("one_time"), false},
		{"daily", types.StringUnknown(), true},
	} {
		req := planmodifier.StringRequest{State: existing, Plan: planned, StateValue: types.StringValue(c.before), PlanValue: c.after, ConfigValue: c.after}
		resp := &planmodifier.StringResponse{PlanValue: c.after}
		OneTimeCadenceReplaces().PlanModifyString(t.Context(), req, resp)
		if resp.RequiresReplace != c.replace {
			t.Errorf("%s → %s: replace %v, want %v", c.before, c.after, resp.RequiresReplace, c.replace)
		}
	}
}

func TestAllowedIPsReplace(t *testing.T) {
	set := func(ips ...string) types.Set {
		elems := make([]attr.Value, len(ips))
		for i, ip := range ips {
			elems[i] = types.StringValue(ip)
		}
		return types.SetValueMust(types.StringType, elems)
	}
	for _, c := range []struct {
		name          string
		before, after types.Set
		replace       bool
	}{
		{"another spelling of the same host", set("203.0.113.7"), set("203.0.113.7/32"), false},
		{"an IPv4-mapped spelling", set("203.0.113.7"), set("::ffff:203.0.113.7"), false},
		{"none and an empty list", types.SetNull(types.StringType), set(), false},
		{"another address", set("203.0.113.7"), set("203.0.113.8"), true},
		{"not known until apply", set("203.0.113.7"), types.SetUnknown(types.StringType), true},
	} {
		req := planmodifier.SetRequest{State: existing, Plan: planned, StateValue: c.before, PlanValue: c.after, ConfigValue: c.after}
		resp := &planmodifier.SetResponse{PlanValue: c.after}
		AllowedIPsReplace().PlanModifySet(t.Context(), req, resp)
		if resp.Diagnostics.HasError() || resp.RequiresReplace != c.replace {
			t.Errorf("%s: replace %v (%v), want %v", c.name, resp.RequiresReplace, resp.Diagnostics, c.replace)
		}
	}
}
