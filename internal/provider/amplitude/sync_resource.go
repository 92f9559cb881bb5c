package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/planmodifiers"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure      = (*syncResource)(nil)
	_ resource.ResourceWithImportState    = (*syncResource)(nil)
	_ resource.ResourceWithValidateConfig = (*syncResource)(nil)
	_ resource.ResourceWithIdentity       = (*syncResource)(nil)
)

// NewSyncResource is the amplitude_sync resource.
func NewSyncResource() resource.Resource { return &syncResource{} }

type syncResource struct {
	client *amplitude.Client
}

type syncModel struct {
	ID             types.String `tfsdk:"id"`
	Name           types.String `tfsdk:"name"`
	Kind           types.String `tfsdk:"kind"`
	SourceID       types.String `tfsdk:"source_id"`
	DestinationID  types.String `tfsdk:"destination_id"`
	Cadence        types.String `tfsdk:"cadence"`
	Enabled        types.Bool   `tfsdk:"enabled"`
	BrazeAttribute types.String `tfsdk:"braze_attribute"`
	Status         types.String `tfsdk:"status"`
	LastRunAt      types.String `tfsdk:"last_run_at"`
}

func (r *syncResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sync"
}

func (r *syncResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Amplitude Audiences sync: it pushes a user property, computation, cohort or recommendation to Braze on a cadence. " +
			"User-property and computation syncs write a Braze custom attribute of the same name, create users Braze does not have yet, and cover users active in the last 90 days; " +
			"cohort syncs go through an `amplitude_braze_cohort_destination` and match only users Braze already has. " + modeledEndpointNote,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The sync's id.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "The sync's name in Amplitude. Amplitude names it when left out.",
				Validators:          []validator.String{validators.NotBlank()},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"kind": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "What is synced: one of " + backtickList(amplitude.SyncKinds) + ". Changing it replaces the sync.",
				Validators:          []validator.String{stringvalidator.OneOf(amplitude.SyncKinds...)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"source_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The synced object: a user property name, a computation id, a cohort id or a recommendation id. " +
					"Refer to `amplitude_user_property.<name>.name` to create the property first. A user property is named without the `gp:` prefix Amplitude's charts show. Changing it replaces the sync.",
				Validators:    []validator.String{validators.NotBlank(), validators.UserPropertyName()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"destination_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The id of the Braze destination it writes to: an `amplitude_braze_cohort_destination` for cohorts, an `amplitude_braze_destination` that sends users (`send_users`) otherwise. " +
					"Changing it replaces the sync.",
				Validators:    []validator.String{validators.NotBlank()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"cadence": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "How often it runs: one of " + backtickList(amplitude.SyncCadences) + ". `realtime` (every minute) is for cohorts only. " +
					"Changes between scheduled cadences apply in place; a change to or from `one_time`, which runs once at creation, replaces the sync, and so does a cadence not known until apply.",
				Validators:    []validator.String{stringvalidator.OneOf(amplitude.SyncCadences...)},
				PlanModifiers: []planmodifier.String{planmodifiers.OneTimeCadenceReplaces()},
			},
			"enabled": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
				MarkdownDescription: "Whether the sync runs. `false` pauses a scheduled sync. Defaults to `true`.",
			},
			"braze_attribute": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The Braze custom attribute the sync writes: the user property or computation name. Null for cohort and recommendation syncs.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"status": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The sync's last known state as Amplitude reports it. Advanced by Amplitude; never a diff.",
			},
			"last_run_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the sync last ran (RFC 3339), null before its first run. Advanced by Amplitude; never a diff.",
			},
		},
	}
}

// ValidateConfig refuses, at plan time, a real-time cadence for anything but
// a cohort, which Amplitude would otherwise refuse only at apply time.
func (r *syncResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var kind, cadence types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("kind"), &kind)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("cadence"), &cadence)...)
	if kind.IsUnknown() || kind.IsNull() || cadence.IsUnknown() {
		return
	}
	if cadence.ValueString() == amplitude.CadenceRealtime && kind.ValueString() != amplitude.SyncKindCohort {
		resp.Diagnostics.AddAttributeError(path.Root("cadence"), "Real-time cadence is for cohorts",
			fmt.Sprintf("cadence: \"realtime\" syncs cohort membership only; a %s sync takes one_time, hourly or daily.", kind.ValueString()))
	}
}

func (r *syncResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = basicFor(req.ProviderData, "amplitude_sync", &resp.Diagnostics)
}

func (r *syncResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan syncModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateSync(ctx, plan.toAPI())
	if err != nil {
		resp.Diagnostics.AddError("Cannot create the Amplitude sync", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, syncFromAPI(created))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, syncIdentity{ID: types.StringValue(created.ID)})...)
}

// Read takes only the id from state, because getting the whole model is
// slow: the framework reflects over the model and compiles a regular
// expression per field. That was half the CPU of a Read in make bench's
// profile at 500 syncs.
func (r *syncResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, syncIdentity{ID: id})...)
	if resp.Diagnostics.HasError() {
		return
	}
	sync, err := r.client.GetSync(ctx, id.ValueString())
	if amplitude.IsNotFound(err) {
		shared.RemoveGone(ctx, resp, fmt.Sprintf("Amplitude sync %q", id.ValueString()))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the Amplitude sync", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, syncFromAPI(sync))...)
}

func (r *syncResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state syncModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, err := r.client.UpdateSync(ctx, state.ID.ValueString(), plan.toAPI())
	if err != nil {
		resp.Diagnostics.AddError("Cannot update the Amplitude sync", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, syncFromAPI(updated))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, syncIdentity{ID: types.StringValue(updated.ID)})...)
}

func (r *syncResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state syncModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteSync(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.AddError("Cannot delete the Amplitude sync", err.Error())
	}
}

// ImportState takes the sync's id, or its identity.
func (r *syncResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	raw := req.ID
	if byIdentity(req) {
		var identity syncIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		if resp.Diagnostics.HasError() {
			return
		}
		raw = identity.ID.ValueString()
	}
	id, err := parseImportID(raw)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

func (m syncModel) toAPI() amplitude.Sync {
	return amplitude.Sync{
		Name:          m.Name.ValueString(),
		Kind:          m.Kind.ValueString(),
		SourceID:      m.SourceID.ValueString(),
		DestinationID: m.DestinationID.ValueString(),
		Cadence:       m.Cadence.ValueString(),
		Enabled:       m.Enabled.ValueBool(),
	}
}

func syncFromAPI(s *amplitude.Sync) syncModel {
	return syncModel{
		ID:             types.StringValue(s.ID),
		Name:           types.StringValue(s.Name),
		Kind:           types.StringValue(s.Kind),
		SourceID:       types.StringValue(s.SourceID),
		DestinationID:  types.StringValue(s.DestinationID),
		Cadence:        types.StringValue(s.Cadence),
		Enabled:        types.BoolValue(s.Enabled),
		BrazeAttribute: types.StringPointerValue(s.BrazeAttribute),
		Status:         types.StringValue(s.Status),
		LastRunAt:      types.StringPointerValue(s.LastRunAt),
	}
}
