package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
)

var (
	_ resource.ResourceWithConfigure   = (*eventTypeResource)(nil)
	_ resource.ResourceWithImportState = (*eventTypeResource)(nil)
	_ resource.ResourceWithIdentity    = (*eventTypeResource)(nil)
)

// NewEventTypeResource is the amplitude_event_type resource.
func NewEventTypeResource() resource.Resource { return &eventTypeResource{} }

type eventTypeResource struct {
	client *developer.Client
}

type eventTypeModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	DisplayName types.String `tfsdk:"display_name"`
	Description types.String `tfsdk:"description"`
	IsActive    types.Bool   `tfsdk:"is_active"`
}

func (r *eventTypeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_event_type"
}

func (r *eventTypeResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An event type in an Amplitude project's tracking plan, managed through the Developer API (`/v1/projects/{project_id}/events`, scopes `taxonomy:read` and `taxonomy:write`). " +
			"Declaring the events a Braze stream sends keeps a renamed event from silently stopping the stream. Every write carries an idempotency key, so a retried write never acts twice. " +
			"Destroying one removes it from the plan (Amplitude keeps it, deleted, and a later create brings it back).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The event type, which is how the Developer API addresses it.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The event type as your code sends it, e.g. `Purchase`. Amplitude cannot rename an event: changing it replaces the event.",
				Validators:          trimmedText(),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"display_name": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The name Amplitude's charts show. The Developer API reads it but does not set it: change it in Amplitude's dashboard.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"description": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "What the event means. Removing it clears it in Amplitude.",
				Validators:          trimmedText(),
			},
			"is_active": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
				MarkdownDescription: "Whether the event counts as user activity (active users, active events). `false` for events that happen to a user without an action, such as `Push Notification Sent`. Defaults to `true`.",
			},
		},
	}
}

func (r *eventTypeResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, _ = developerFor(req.ProviderData, "amplitude_event_type", &resp.Diagnostics)
}

func (m eventTypeModel) spec() developer.EventSpec {
	return developer.EventSpec{Description: m.Description.ValueStringPointer(), IsActive: m.IsActive.ValueBool()}
}

func eventTypeFromAPI(e *developer.Event) eventTypeModel {
	return eventTypeModel{
		ID:          types.StringValue(e.EventType),
		Name:        types.StringValue(e.EventType),
		DisplayName: types.StringValue(e.DisplayName),
		Description: types.StringPointerValue(e.Description),
		IsActive:    types.BoolValue(e.IsActive),
	}
}

func (r *eventTypeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan eventTypeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	created, err := r.client.CreateEvent(ctx, name, plan.spec())
	if developer.IsAlreadyExists(err) {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "The event is already in the tracking plan",
			fmt.Sprintf("%v. To manage it here, import it: terraform import amplitude_event_type.<name> %q", err, name))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot create the Amplitude event type", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, eventTypeFromAPI(created))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newPlanObjectIdentity(r.client, created.EventType))...)
}

func (r *eventTypeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state eventTypeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.ID.ValueString()
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newPlanObjectIdentity(r.client, name))...)
	e, err := r.client.GetEvent(ctx, name)
	if developer.IsNotFound(err) {
		shared.RemoveGone(ctx, resp, fmt.Sprintf("Amplitude event type %q", name))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the Amplitude event type", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, eventTypeFromAPI(e))...)
}

func (r *eventTypeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state eventTypeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, err := r.client.UpdateEvent(ctx, state.ID.ValueString(), plan.spec())
	if err != nil {
		resp.Diagnostics.AddError("Cannot update the Amplitude event type", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, eventTypeFromAPI(updated))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newPlanObjectIdentity(r.client, updated.EventType))...)
}

func (r *eventTypeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state eventTypeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteEvent(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.AddError("Cannot delete the Amplitude event type", err.Error())
	}
}

// ImportState takes the event type, e.g. "Sign Up", or an identity.
func (r *eventTypeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	raw, ok := importedPlanObjectName(ctx, r.client, req, &resp.Diagnostics)
	if !ok {
		return
	}
	name, err := parseEventTypeImportID(raw)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), name)...)
}
