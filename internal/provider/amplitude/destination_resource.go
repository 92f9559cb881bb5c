package amplitude

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure        = (*destinationResource)(nil)
	_ resource.ResourceWithImportState      = (*destinationResource)(nil)
	_ resource.ResourceWithIdentity         = (*destinationResource)(nil)
	_ resource.ResourceWithConfigValidators = (*destinationResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*destinationResource)(nil)
)

var destinationKinds = []string{developer.KindEvent, developer.KindIdentify, developer.KindCohort, developer.KindWarehouseExport}

// NewDestinationResource is the amplitude_destination resource: any
// partner's destination, for partners and parameters the typed resources do
// not cover.
func NewDestinationResource() resource.Resource {
	return &destinationResource{}
}

var secretConfig = secretAttribute{name: "secret_config"}

// destinationWhat names the resource's destinations in messages.
const destinationWhat = "Amplitude destination"

// destinationResource is a destination of any partner on Amplitude's
// Developer API. Its model, and how the model maps to the partner's
// parameters, are in destination_model.go.
type destinationResource struct {
	client *developer.Client
	// destinations checks and sends the destination writes the same way for
	// every destination resource.
	destinations *developer.DestinationService
}

func (r *destinationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_destination"
}

func (r *destinationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := computedAttributes("The destination's id, which Amplitude assigns.")
	maps.Copy(attributes, map[string]schema.Attribute{
		"partner": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The partner's key, such as `braze` (the `amplitude_destination_type` data source lists a partner's kinds and parameters). Changing it replaces the destination.",
			Validators:          []validator.String{validators.NotBlank()},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"display_name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The destination's name shown in Amplitude. Amplitude does not require names to be unique.",
			Validators:          []validator.String{validators.NotBlank()},
		},
		"kind": schema.SetAttribute{
			ElementType:         types.StringType,
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "What the destination receives: any of `event` and `identify` (event streaming), or `cohort` alone, or `warehouse_export` alone. Left out, Amplitude infers it from the partner, and refuses a partner that serves several.",
			Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(destinationKinds...))},
			PlanModifiers:       []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
		},
		"config": schema.DynamicAttribute{
			Optional: true,
			MarkdownDescription: "The partner's non-secret parameters by id, as an object of any values: strings, numbers, bools, lists and objects, e.g. `{ url = \"https://example.com/hook\", batch_size = 100 }`. " +
				"An HCL object reads better than a JSON string and travels as the same JSON. Keys are checked against the partner's parameters at plan time; secret parameters go in `secret_config`.",
		},
		"enabled": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "Whether an event-streaming destination sends data. Left out, Amplitude's default (`true`) applies.",
			PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
		},
		"paused": schema.BoolAttribute{
			Computed:            true,
			MarkdownDescription: "Whether Amplitude has paused the stream, as it reports it. Never a diff.",
		},
		"event_filter": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "Which events an event-streaming destination forwards. Left out, every event is forwarded.",
			Attributes: map[string]schema.Attribute{
				"events": schema.SetAttribute{
					ElementType:         types.StringType,
					Required:            true,
					MarkdownDescription: "The event types to forward.",
					Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(validators.NotBlank())},
				},
				"property_filters": schema.DynamicAttribute{
					Optional:            true,
					MarkdownDescription: "Conditions on event or user properties, as the partner takes them (an object), e.g. `{ conditions = [{ property = \"country\", operator = \"is\", values = [\"US\"] }] }`.",
				},
			},
		},
		"property_mappings": schema.DynamicAttribute{
			Optional:            true,
			MarkdownDescription: "Which properties travel with events and user updates (an object), e.g. `{ event_properties = [\"price\"], identify_user_properties = [\"plan\"] }`.",
		},
		"send_events": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "Whether events are sent. Left out, Amplitude's default applies (whether the kind includes `event`).",
		},
		"send_users": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "Whether user updates are sent. Left out, Amplitude's default applies (whether the kind includes `identify`).",
		},
	})
	maps.Copy(attributes, secretConfig.schemaAttributes("The partner's secret parameters by id (those Amplitude never returns)."))
	resp.Schema = schema.Schema{
		MarkdownDescription: "Any Amplitude destination, of any partner, on Amplitude's Developer API: the escape hatch for partners and parameters the typed resources (`amplitude_braze_destination`, `amplitude_braze_cohort_destination`) do not cover. " +
			"**There is no delete**: destroying an event-streaming destination disables it and leaves it in Amplitude; destroying any other only removes it from Terraform's state.\n\n" +
			"**Adopting an existing destination** (`terraform query -generate-config-out`, or an `import` block by identity or id): the generated configuration holds `config` as Amplitude returns it and no `secret_config`, as Amplitude never returns secrets. " +
			"It validates and applies as it is: the apply imports the destination and changes nothing, and the plan after is empty. " +
			"If the partner takes secrets (Braze's `api_key`, a webhook's `auth_token`), add them in `secret_config_wo` with `secret_config_wo_version = 1`: the next plan is one update in place that changes only `secret_config_wo_version` (and the values Amplitude sets on every write), which sends them. " +
			"Do that before any other change: an update is the whole destination, so one sent without `secret_config` removes the partner's secrets from Amplitude.",
		Attributes: attributes,
	}
}

func (r *destinationResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return secretConfig.configValidators()
}

func (r *destinationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, clients := developerFor(req.ProviderData, "amplitude_destination", &resp.Diagnostics)
	if client == nil {
		return
	}
	r.client, r.destinations = client, client.DestinationService(destinationWhat, clients.dryRunOnPlan)
}

// ModifyPlan checks a planned write of the destination against the
// partner's destination type and, unless dry_run_on_plan is false, asks
// Amplitude to validate it. It runs when the plan changes the destination
// and every configured value is known; a value known only at apply is
// checked by the apply itself.
func (r *destinationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.destinations == nil || req.Plan.Raw.IsNull() || req.Plan.Raw.Equal(req.State.Raw) || !req.Config.Raw.IsFullyKnown() {
		return
	}
	var plan, state genericDestinationModel
	var prior *genericDestinationModel // nil when the plan creates the destination
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		prior = &state
	}
	secrets := secretConfig.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	write, diags := plan.write(ctx, secrets, prior)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	found := r.destinations.CheckPlanned(ctx, state.ID.ValueString(), state.Version.ValueInt64(), write)
	addFound(&resp.Diagnostics, resendRefusedAsWarning(found, state.CredentialStatus, secrets), plan.fields(secrets))
}

func (r *destinationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan genericDestinationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	secrets := secretConfig.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	write, diags := plan.write(ctx, secrets, nil)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, found := r.destinations.Create(ctx, write)
	addFound(&resp.Diagnostics, found, plan.fields(secrets))
	if created == nil {
		return
	}
	state, diags := plan.fromDestination(ctx, created)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setDestinationIdentity(ctx, resp.Identity, r.client.ProjectID(), created.ID, &resp.Diagnostics)
}

// Read refreshes the destination from Amplitude. If the destination was
// deleted in Amplitude's dashboard, Read removes it from state, so that the
// plan creates it again. If Amplitude reports its credential as not
// connected, state forgets the secrets, so that the plan sends them again.
func (r *destinationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state genericDestinationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if !readDestinationIdentity(ctx, req, resp, r.client.ProjectID(), id) {
		return
	}
	d, err := r.client.GetDestination(ctx, id)
	if developer.IsNotFound(err) {
		shared.RemoveGone(ctx, resp, fmt.Sprintf("%s %q", destinationWhat, id))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the "+destinationWhat, err.Error())
		return
	}
	state, diags := state.fromDestination(ctx, d)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	if d.CredentialStatus != developer.CredentialConnected {
		secretConfig.forgetOnDisconnect(ctx, &resp.State, id, d.CredentialStatus, &resp.Diagnostics)
	}
}

// Update sends the planned destination together with the version the plan
// was made against. If someone changed the destination in Amplitude since
// then, Amplitude refuses the write instead of overwriting their change.
func (r *destinationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state genericDestinationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	secrets := secretConfig.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	write, diags := plan.write(ctx, secrets, &state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, found := r.destinations.Update(ctx, state.ID.ValueString(), state.Version.ValueInt64(), write)
	addFound(&resp.Diagnostics, found, plan.fields(secrets))
	if updated == nil {
		return
	}
	next, diags := plan.fromDestination(ctx, updated)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, next)...)
	setDestinationIdentity(ctx, resp.Identity, r.client.ProjectID(), updated.ID, &resp.Diagnostics)
}

// Delete disables an event-streaming destination, and sends no request for
// any other kind. The Developer API offers no way to delete a destination,
// and only event streams can be disabled. Either way the destination stays
// in Amplitude, Terraform removes it from state, and a warning says so.
func (r *destinationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state genericDestinationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	kinds, diags := state.kinds(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !developer.IsEventStreaming(kinds) {
		warnLeftInAmplitude(&resp.Diagnostics, destinationWhat, state.ID.ValueString())
		return
	}
	addFound(&resp.Diagnostics, r.destinations.Disable(ctx, state.ID.ValueString()), nil)
}

// IdentitySchema is the identity of every destination resource: the
// project and the destination's id.
func (r *destinationResource) IdentitySchema(ctx context.Context, req resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	destinationIdentitySchema(ctx, req, resp)
}

// ImportState takes the destination's id, which Amplitude assigns, or its
// identity.
func (r *destinationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importDestination(ctx, r.client, req, resp)
}
