// Command floorprovider is the amplitude provider with its behaviour taken
// out: the same provider, resource and data source schemas (attributes,
// nesting, defaults, attribute validators and plan modifiers, taken from the
// real provider's own Schema methods so that they cannot drift), the same
// functions and the same action and list resource schemas, served by
// terraform-plugin-framework under another address, with no configuration,
// no API, no resource-level validation or plan modification, a Read that
// returns the state as it is, actions that do nothing and lists that find
// nothing. It serves no resource identity: the bench's plans would then ask
// the floor for identities it has no API to fill. make bench plans
// the same configuration against it and against the real provider: the
// difference is what this provider adds to a plan over any framework plugin
// with its schemas, run as this provider is (pluginprocess.Tune).
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/pluginprocess"
	amplitudeprovider "github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude"
)

// Address is where make bench's CLI configuration finds this provider: the
// real one's with another namespace, so a configuration switches to the
// floor by its source address alone.
const Address = "registry.terraform.io/ampbraze-floor/amplitude"

func main() {
	// Run and profiled as the real provider is, so that the two compare.
	pluginprocess.Tune()
	stopProfile, err := pluginprocess.StartCPUProfile("floor")
	if err != nil {
		log.Fatal(err)
	}
	err = providerserver.Serve(context.Background(), New, providerserver.ServeOpts{Address: Address})
	stopProfile()
	if err == nil {
		err = pluginprocess.WritePeakMemory("floor")
	}
	if err != nil {
		log.Fatal(err)
	}
}

// New is the floor of the amplitude provider.
func New() provider.Provider {
	return floorProvider{real: amplitudeprovider.New("floor")().(realProvider)}
}

// realProvider is what the floor takes from the amplitude provider.
type realProvider interface {
	provider.ProviderWithFunctions
	provider.ProviderWithActions
	provider.ProviderWithListResources
}

type floorProvider struct {
	real realProvider
}

func (p floorProvider) Metadata(ctx context.Context, req provider.MetadataRequest, resp *provider.MetadataResponse) {
	p.real.Metadata(ctx, req, resp)
}

func (p floorProvider) Schema(ctx context.Context, req provider.SchemaRequest, resp *provider.SchemaResponse) {
	p.real.Schema(ctx, req, resp)
}

// Configure makes no client: nothing here calls an API.
func (floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p floorProvider) Resources(ctx context.Context) []func() resource.Resource {
	var floors []func() resource.Resource
	for _, newReal := range p.real.Resources(ctx) {
		floors = append(floors, func() resource.Resource { return floorResource{real: newReal()} })
	}
	return floors
}

func (p floorProvider) DataSources(ctx context.Context) []func() datasource.DataSource {
	var floors []func() datasource.DataSource
	for _, newReal := range p.real.DataSources(ctx) {
		floors = append(floors, func() datasource.DataSource { return floorDataSource{real: newReal()} })
	}
	return floors
}

// Functions are the real ones: they compute from their arguments and call
// no API.
func (p floorProvider) Functions(ctx context.Context) []func() function.Function {
	return p.real.Functions(ctx)
}

func (p floorProvider) Actions(ctx context.Context) []func() action.Action {
	var floors []func() action.Action
	for _, newReal := range p.real.Actions(ctx) {
		floors = append(floors, func() action.Action { return floorAction{real: newReal()} })
	}
	return floors
}

func (p floorProvider) ListResources(ctx context.Context) []func() list.ListResource {
	var floors []func() list.ListResource
	for _, newReal := range p.real.ListResources(ctx) {
		floors = append(floors, func() list.ListResource { return floorList{real: newReal()} })
	}
	return floors
}

// floorList has real's type name and schema and lists nothing: the floor
// calls no API.
type floorList struct {
	real list.ListResource
}

func (l floorList) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	l.real.Metadata(ctx, req, resp)
}

func (l floorList) ListResourceConfigSchema(ctx context.Context, req list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	l.real.ListResourceConfigSchema(ctx, req, resp)
}

func (floorList) List(_ context.Context, _ list.ListRequest, stream *list.ListResultsStream) {
	stream.Results = list.NoListResults
}

// floorAction has real's type name and schema and does nothing when invoked:
// the benchmark plans, and the floor calls no API.
type floorAction struct {
	real action.Action
}

func (a floorAction) Metadata(ctx context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	a.real.Metadata(ctx, req, resp)
}

func (a floorAction) Schema(ctx context.Context, req action.SchemaRequest, resp *action.SchemaResponse) {
	a.real.Schema(ctx, req, resp)
}

func (floorAction) Invoke(context.Context, action.InvokeRequest, *action.InvokeResponse) {}

// floorResource has real's type name and schema and keeps in state what the
// plan holds.
type floorResource struct {
	real resource.Resource
}

func (r floorResource) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.real.Metadata(ctx, req, resp)
}

func (r floorResource) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	r.real.Schema(ctx, req, resp)
}

func (floorResource) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(req.Plan.Raw, &resp.State, &resp.Diagnostics)
}

// Read keeps the prior state, which the framework has already copied into
// the response.
func (floorResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (floorResource) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(req.Plan.Raw, &resp.State, &resp.Diagnostics)
}

// applyPlan leaves in state what an apply would: the plan, its unknown
// values filled.
func applyPlan(plan tftypes.Value, state *tfsdk.State, diags *diag.Diagnostics) {
	raw, err := known(plan)
	if err != nil {
		diags.AddError("floor: cannot fill the plan's unknown values", err.Error())
		return
	}
	state.Raw = raw
}

func (floorResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// floorDataSource has real's type name and schema and reads its
// configuration back, computed attributes null.
type floorDataSource struct {
	real datasource.DataSource
}

func (d floorDataSource) Metadata(ctx context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	d.real.Metadata(ctx, req, resp)
}

func (d floorDataSource) Schema(ctx context.Context, req datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	d.real.Schema(ctx, req, resp)
}

func (floorDataSource) Read(_ context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	resp.State.Raw = req.Config.Raw
}

// known replaces the values a plan leaves to the provider (the computed
// attributes of a new object) with a zero value of their type: state after
// an apply holds no unknown value.
func known(v tftypes.Value) (tftypes.Value, error) {
	return tftypes.Transform(v, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		switch t := v.Type(); {
		case t.Is(tftypes.String):
			return tftypes.NewValue(t, "floor"), nil
		case t.Is(tftypes.Number):
			return tftypes.NewValue(t, 0), nil
		case t.Is(tftypes.Bool):
			return tftypes.NewValue(t, false), nil
		default:
			return tftypes.NewValue(t, nil), nil
		}
	})
}
