package amplitude

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// A destination naming events and properties the tracking plan does not
// hold gets a warning on each, at plan time; what the plan holds gets none;
// and one listing of each kind serves every destination of the run.
func TestPlanWarnsOfNamesOutsideTheTrackingPlan(t *testing.T) {
	ctx := context.Background()
	sb, r, schemaResp := newTaxonomyCheckFixture(t)

	model := brazeDestinationModel{
		Name: types.StringValue("stream"),
		SendEvents: &sendEventsModel{
			AllEvents:       types.BoolValue(false),
			Events:          []string{"Purchase", "Purchased"},
			EventProperties: []string{"price", "cost"},
			Filters:         []eventFilterModel{{Property: types.StringValue("plan"), Operator: types.StringValue("is"), Values: []string{"pro"}}, {Property: types.StringValue("tier"), Operator: types.StringValue("is"), Values: []string{"x"}}},
		},
		SendUsers: &sendUsersModel{UserProperties: []string{"plan", "loyalty"}},
	}
	plan := tfsdk.Plan{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	if diags := plan.Set(ctx, model); diags.HasError() {
		t.Fatal(diags)
	}
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: plan.Raw}
	var warnings []string
	for range 2 { // two destinations of one run
		resp := resource.ModifyPlanResponse{Plan: plan}
		r.checkTaxonomy(ctx, resource.ModifyPlanRequest{Plan: plan, State: state}, &resp)
		warnings = nil
		for _, d := range resp.Diagnostics.Warnings() {
			warnings = append(warnings, d.Detail())
		}
	}
	all := strings.Join(warnings, "\n")
	for _, missing := range []string{`event "Purchased"`, `event property "cost"`, `property "tier"`, `user property "loyalty"`} {
		if !strings.Contains(all, missing) {
			t.Errorf("no warning names the %s; warnings:\n%s", missing, all)
		}
	}
	for _, held := range []string{`"Purchase"`, `"price"`, `"plan"`} {
		if strings.Contains(all, held) {
			t.Errorf("a warning names %s, which the tracking plan holds:\n%s", held, all)
		}
	}
	if len(warnings) != 4 {
		t.Errorf("%d warnings, want 4:\n%s", len(warnings), all)
	}
	routes := sb.Stats().Requests.ByRoute
	if n := routes["GET /developer-api/v1/projects/{project_id}/events"]; n != 1 {
		t.Errorf("the events were listed %d times for two destinations, want once", n)
	}
}

// When a stream forwards every event, a filter on an event property gets no
// warning: the property may belong to any event, and there is no list of
// events to look in.
func TestPlanDoesNotWarnOfEventPropertyFiltersWhenEveryEventIsSent(t *testing.T) {
	ctx := context.Background()
	sb, r, schemaResp := newTaxonomyCheckFixture(t)

	model := brazeDestinationModel{
		Name: types.StringValue("stream"),
		SendEvents: &sendEventsModel{
			AllEvents: types.BoolValue(true),
			Filters:   []eventFilterModel{{Property: types.StringValue("price"), Operator: types.StringValue("is"), Values: []string{"9"}}},
		},
	}
	plan := tfsdk.Plan{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	if diags := plan.Set(ctx, model); diags.HasError() {
		t.Fatal(diags)
	}
	resp := resource.ModifyPlanResponse{Plan: plan}
	r.checkTaxonomy(ctx, resource.ModifyPlanRequest{Plan: plan, State: tfsdk.State{Schema: schemaResp.Schema, Raw: plan.Raw}}, &resp)
	for _, d := range resp.Diagnostics {
		t.Errorf("%s: %s", d.Summary(), d.Detail())
	}
	if n := sb.Stats().Requests.ByRoute["GET /developer-api/v1/projects/{project_id}/user-properties"]; n != 1 {
		t.Errorf("the user properties were listed %d times, want once: the filter is still checked as a user property", n)
	}
}

// newTaxonomyCheckFixture starts a sandbox behind the contract check and
// returns it with a Braze destination resource whose client reads it.
func newTaxonomyCheckFixture(t *testing.T) (*sandbox.Server, *brazeDestinationResource, resource.SchemaResponse) {
	t.Helper()
	sb := sandbox.New(sandbox.Options{})
	server := httptest.NewServer(contract.Handler(t, sb))
	t.Cleanup(server.Close)
	client, err := developer.New(developer.Config{BaseURL: server.URL + "/developer-api", AccessToken: sandbox.DeveloperAPIAdminToken, ProjectID: sandbox.AmplitudeProjectID})
	if err != nil {
		t.Fatal(err)
	}
	r := &brazeDestinationResource{client: client}
	var schemaResp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &schemaResp)
	return sb, r, schemaResp
}
