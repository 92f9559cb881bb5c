package amplitude

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure        = (*brazeDestinationResource)(nil)
	_ resource.ResourceWithImportState      = (*brazeDestinationResource)(nil)
	_ resource.ResourceWithIdentity         = (*brazeDestinationResource)(nil)
	_ resource.ResourceWithConfigValidators = (*brazeDestinationResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*brazeDestinationResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*brazeDestinationResource)(nil)
)

// Braze identifier types an event-stream destination can map to.
var eventStreamIdentifiers = []string{"external_id", "braze_id", "user_alias", "email"}

var brazeAPIKey = secretAttribute{name: "braze_api_key", parameter: developer.BrazeParamAPIKey}

// brazeDestinationWhat names the resource's destinations in messages.
const brazeDestinationWhat = "Amplitude Braze destination"

// NewBrazeDestinationResource is the amplitude_braze_destination resource.
func NewBrazeDestinationResource() resource.Resource {
	return &brazeDestinationResource{}
}

// brazeDestinationResource is a "Braze (Event Stream)" destination on
// Amplitude's Developer API. Its model, and how the model maps to Amplitude's
// Braze parameters, are in braze_destination_model.go.
type brazeDestinationResource struct {
	client *developer.Client
	// destinations checks and sends the destination writes the same way for
	// every destination resource.
	destinations *developer.DestinationService
}

func (r *brazeDestinationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_braze_destination"
}

// brazeEndpointAttribute is the Braze REST endpoint both Braze destinations
// hold.
func brazeEndpointAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "The Braze REST endpoint of your instance, e.g. `https://rest.iad-05.braze.com`; `provider::braze::rest_endpoint(\"US-05\")` looks it up.",
		Validators:          []validator.String{validators.ServiceURL()},
	}
}

func (r *brazeDestinationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	nonEmptyStringSet := []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(validators.NotBlank())}
	// An empty list of properties means none, as leaving it out does.
	stringSet := []validator.Set{setvalidator.ValueStringsAre(validators.NotBlank())}
	attributes := computedAttributes("The destination's id, which Amplitude assigns; Amplitude's event-streaming delivery metrics take it as `sync_id`, and `amplitude_sync.destination_id` of user-property and computation syncs takes it.")
	maps.Copy(attributes, map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The destination's name shown in Amplitude. Amplitude does not require names to be unique.",
			Validators:          []validator.String{validators.NotBlank()},
		},
		"enabled": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(true),
			MarkdownDescription: "Whether the destination sends data. Defaults to `true`.",
		},
		"paused": schema.BoolAttribute{
			Computed:            true,
			MarkdownDescription: "Whether Amplitude has paused the stream, as it reports it. Never a diff.",
		},
		"braze_endpoint": brazeEndpointAttribute(),
		"braze_app_id": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The identifier of the Braze app that receives the events (Braze › Settings › APIs and Identifiers), UUID-shaped.",
			Validators:          []validator.String{validators.UUID()},
		},
		"user_alias_label": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "The Braze user alias label. Required when `identifier_mapping.braze_identifier` is `user_alias`, and used only then.",
			Validators:          []validator.String{validators.NotBlank()},
		},
		"update_users_only": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
			MarkdownDescription: "When `true`, Braze only updates existing users and never creates new ones. Defaults to `false`.",
		},
		"identifier_mapping": schema.SingleNestedAttribute{
			Required:            true,
			MarkdownDescription: "Which Amplitude user property identifies the Braze user, and as which Braze identifier.",
			Attributes: map[string]schema.Attribute{
				"amplitude_property": schema.StringAttribute{
					Required:            true,
					MarkdownDescription: "The Amplitude user property, e.g. `user_id`.",
					Validators:          []validator.String{validators.NotBlank()},
				},
				"braze_identifier": schema.StringAttribute{
					Required:            true,
					MarkdownDescription: "The Braze identifier type: one of " + backtickList(eventStreamIdentifiers) + ".",
					Validators:          []validator.String{stringvalidator.OneOf(eventStreamIdentifiers...)},
				},
			},
		},
		"send_events": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "Forward events to Braze. Present means events are forwarded (the destination's kind includes `event`). At least one of `send_events` and `send_users` is set.",
			Attributes: map[string]schema.Attribute{
				"all_events": schema.BoolAttribute{
					Optional:            true,
					Computed:            true,
					Default:             booldefault.StaticBool(false),
					MarkdownDescription: "Forward every event. Set either this to `true` or `events`.",
				},
				"events": schema.SetAttribute{
					ElementType:         types.StringType,
					Optional:            true,
					MarkdownDescription: "The event types to forward, e.g. `[\"Purchase\"]`. Set either this or `all_events = true`.",
					Validators:          nonEmptyStringSet,
				},
				"filters": schema.ListNestedAttribute{
					Optional:            true,
					MarkdownDescription: "Conditions a forwarded event must meet, all of them. Only with `events`: Amplitude filters a selection of events, not all of them. `[]` means none.",
					NestedObject: schema.NestedAttributeObject{
						Attributes: map[string]schema.Attribute{
							"property": schema.StringAttribute{
								Required:            true,
								MarkdownDescription: "The event or user property the filter tests.",
								Validators:          []validator.String{validators.NotBlank()},
							},
							"operator": schema.StringAttribute{
								Required:            true,
								MarkdownDescription: "One of " + backtickList(developer.FilterOperators) + ".",
								Validators:          []validator.String{stringvalidator.OneOf(developer.FilterOperators...)},
							},
							"values": schema.ListAttribute{
								ElementType:         types.StringType,
								Required:            true,
								MarkdownDescription: "The values to compare with, at least one.",
								Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
							},
						},
					},
				},
				"event_properties": schema.SetAttribute{
					ElementType:         types.StringType,
					Optional:            true,
					MarkdownDescription: "Event properties sent along with each event. `[]` means none.",
					Validators:          stringSet,
				},
				"user_properties": schema.SetAttribute{
					ElementType:         types.StringType,
					Optional:            true,
					MarkdownDescription: "User properties sent along with each event. `[]` means none.",
					Validators:          stringSet,
				},
			},
		},
		"send_users": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "Send user property changes to Braze as custom attributes. Present means users are forwarded (the destination's kind includes `identify`).",
			Attributes: map[string]schema.Attribute{
				"user_properties": schema.SetAttribute{
					ElementType:         types.StringType,
					Required:            true,
					MarkdownDescription: "The user properties to send; each becomes a Braze custom attribute of the same name.",
					Validators:          nonEmptyStringSet,
				},
			},
		},
	})
	maps.Copy(attributes, brazeAPIKey.schemaAttributes("The Braze REST API key Amplitude sends with, which needs the `users.track` permission."))
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Amplitude **Braze (Event Stream)** destination: it forwards Amplitude events and user property changes to a Braze workspace. " +
			"**Destroying it disables it (`enabled = false`) and leaves it in Amplitude**: Amplitude's Developer API, which manages it, has no delete. " +
			"A later apply creates a new destination rather than adopting the disabled one.\n\n" + adoptionNote("braze_api_key", "braze_api_key_wo_version") +
			" Until a key is configured, any other change is refused at plan: every update sends the whole destination, key included.",
		Attributes: attributes,
	}
}

func (r *brazeDestinationResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return append(brazeAPIKey.configValidators(),
		resourcevalidator.AtLeastOneOf(path.MatchRoot("send_events"), path.MatchRoot("send_users")))
}

// ValidateConfig checks the rules that involve more than one attribute. It
// reads each value by path, so that a value not yet known is skipped rather
// than misjudged.
func (r *brazeDestinationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var identifier, aliasLabel types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("identifier_mapping").AtName("braze_identifier"), &identifier)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("user_alias_label"), &aliasLabel)...)
	if identifier.ValueString() == "user_alias" && aliasLabel.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("user_alias_label"), "Missing user alias label",
			"user_alias_label: required when identifier_mapping.braze_identifier is \"user_alias\".")
	}

	var sendEvents types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("send_events"), &sendEvents)...)
	if sendEvents.IsNull() || sendEvents.IsUnknown() {
		return
	}
	eventsPath := path.Root("send_events")
	var allEvents types.Bool
	var events types.Set
	var filters types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, eventsPath.AtName("all_events"), &allEvents)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, eventsPath.AtName("events"), &events)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, eventsPath.AtName("filters"), &filters)...)
	switch {
	case allEvents.IsUnknown() || events.IsUnknown():
	case allEvents.ValueBool() && !events.IsNull():
		resp.Diagnostics.AddAttributeError(eventsPath.AtName("events"), "Conflicting event selection",
			"send_events.events: cannot be set when send_events.all_events is true; choose one.")
	case !allEvents.ValueBool() && events.IsNull():
		resp.Diagnostics.AddAttributeError(eventsPath.AtName("events"), "No events selected",
			"send_events.events: send_events needs either events (a set of event names) or all_events = true.")
	case allEvents.ValueBool() && !filters.IsNull():
		resp.Diagnostics.AddAttributeError(eventsPath.AtName("filters"), "Filters need a selection of events",
			"send_events.filters: Amplitude filters a selection of events; list them in send_events.events instead of all_events = true.")
	}
}

func (r *brazeDestinationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, clients := developerFor(req.ProviderData, "amplitude_braze_destination", &resp.Diagnostics)
	if client == nil {
		return
	}
	r.client, r.destinations = client, client.DestinationService(brazeDestinationWhat, clients.dryRunOnPlan)
}

// ModifyPlan requires the key for a planned write, checks the write
// against Braze's destination type and, unless dry_run_on_plan is false,
// asks Amplitude to validate it. It then warns about events and properties
// the tracking plan does not hold.
func (r *brazeDestinationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	brazeAPIKey.checkPlannedSecret(ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	r.checkPlannedWrite(ctx, req, resp)
	r.checkTaxonomy(ctx, req, resp)
}

// checkPlannedWrite checks a planned write as ModifyPlan describes. It does
// nothing unless the plan changes the destination and every configured value
// is known; a value known only at apply is checked by the apply itself.
func (r *brazeDestinationResource) checkPlannedWrite(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.destinations == nil || req.Plan.Raw.IsNull() || req.Plan.Raw.Equal(req.State.Raw) || !req.Config.Raw.IsFullyKnown() {
		return
	}
	var plan, state brazeDestinationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	secrets := brazeAPIKey.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	found := r.destinations.CheckPlanned(ctx, state.ID.ValueString(), state.Version.ValueInt64(), plan.write(secrets))
	addFound(&resp.Diagnostics, resendRefusedAsWarning(found, state.CredentialStatus, secrets), plan.fields(secrets))
}

func (r *brazeDestinationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan brazeDestinationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	secrets := brazeAPIKey.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, found := r.destinations.Create(ctx, plan.write(secrets))
	addFound(&resp.Diagnostics, found, plan.fields(secrets))
	if created == nil {
		return
	}
	state, diags := plan.fromDestination(created)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setDestinationIdentity(ctx, resp.Identity, r.client.ProjectID(), created.ID, &resp.Diagnostics)
}

// Read refreshes the destination from Amplitude. If the destination was
// deleted in Amplitude's dashboard, Read removes it from state, so that the
// plan creates it again. If Amplitude reports its credential as not
// connected, state forgets the key, so that the plan sends it again.
func (r *brazeDestinationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state brazeDestinationModel
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
		shared.RemoveGone(ctx, resp, fmt.Sprintf("%s %q", brazeDestinationWhat, id))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the "+brazeDestinationWhat, err.Error())
		return
	}
	if d.Partner != developer.PartnerBraze || !developer.IsEventStreaming(d.Kind) {
		resp.Diagnostics.AddError("Not a destination this resource manages",
			wrongDestination(d, "Braze event-streaming destinations (partner braze, kind event and/or identify)"))
		return
	}
	state, diags := state.fromDestination(d)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	if d.CredentialStatus != developer.CredentialConnected {
		brazeAPIKey.forgetOnDisconnect(ctx, &resp.State, id, d.CredentialStatus, &resp.Diagnostics)
	}
}

// Update sends the planned destination together with the version the plan
// was made against. If someone changed the destination in Amplitude since
// then, Amplitude refuses the write instead of overwriting their change.
func (r *brazeDestinationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state brazeDestinationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	secrets := brazeAPIKey.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, found := r.destinations.Update(ctx, state.ID.ValueString(), state.Version.ValueInt64(), plan.write(secrets))
	addFound(&resp.Diagnostics, found, plan.fields(secrets))
	if updated == nil {
		return
	}
	next, diags := plan.fromDestination(updated)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, next)...)
	setDestinationIdentity(ctx, resp.Identity, r.client.ProjectID(), updated.ID, &resp.Diagnostics)
}

// Delete disables the destination, because the Developer API offers no way
// to delete one. The destination stays in Amplitude, disabled, and Terraform
// removes it from state.
func (r *brazeDestinationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state brazeDestinationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	addFound(&resp.Diagnostics, r.destinations.Disable(ctx, state.ID.ValueString()), nil)
}

// IdentitySchema is the identity of every destination resource: the
// project and the destination's id.
func (r *brazeDestinationResource) IdentitySchema(ctx context.Context, req resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	destinationIdentitySchema(ctx, req, resp)
}

// ImportState takes the destination's id, which Amplitude assigns, or its
// identity.
func (r *brazeDestinationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importDestination(ctx, r.client, req, resp)
}
