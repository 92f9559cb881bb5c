package amplitude

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
)

var (
	_ resource.ResourceWithConfigure      = (*eventPropertyResource)(nil)
	_ resource.ResourceWithImportState    = (*eventPropertyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*eventPropertyResource)(nil)
	_ resource.ResourceWithIdentity       = (*eventPropertyResource)(nil)
)

// NewEventPropertyResource is the amplitude_event_property resource.
func NewEventPropertyResource() resource.Resource { return &eventPropertyResource{} }

type eventPropertyResource struct {
	client *developer.Client
}

type eventPropertyModel struct {
	ID        types.String `tfsdk:"id"`
	EventType types.String `tfsdk:"event_type"`
	Name      types.String `tfsdk:"name"`
	propertyModel
}

func (r *eventPropertyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_event_property"
}

func (r *eventPropertyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := propertyAttributes("event property", false)
	maps.Copy(attributes, map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "`<event_type>/<name>`, the import id.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"event_type": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The event the property belongs to; refer to `amplitude_event_type.<name>.name` to create the event first. Changing it replaces the property.",
			Validators:          trimmedText(),
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The property's name as your code sends it with the event. Amplitude cannot rename a property: changing it replaces the property.",
			Validators:          trimmedText(),
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "An event property in an Amplitude project's tracking plan, managed through the Developer API (`/v1/projects/{project_id}/events/{event_type}/event-properties`, scopes `taxonomy:read` and `taxonomy:write`). " +
			"Every write carries an idempotency key, so a retried write never acts twice. " +
			"Creating a property that already has data but is not in the plan adds it to the plan; destroying one removes it from the plan.",
		Attributes: attributes,
	}
}

func (r *eventPropertyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	validateTypeRules(ctx, req.Config, resp)
}

func (r *eventPropertyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, _ = developerFor(req.ProviderData, "amplitude_event_property", &resp.Diagnostics)
}

func eventPropertyFromAPI(p *developer.Property, prior eventPropertyModel) eventPropertyModel {
	return eventPropertyModel{
		ID:            types.StringValue(p.EventType + "/" + p.PropertyName),
		EventType:     types.StringValue(p.EventType),
		Name:          types.StringValue(p.PropertyName),
		propertyModel: propertyFromAPI(p, prior.propertyModel),
	}
}

func (r *eventPropertyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan eventPropertyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	eventType, name := plan.EventType.ValueString(), plan.Name.ValueString()
	created, err := r.client.CreateEventProperty(ctx, eventType, name, plan.spec())
	if developer.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("event_type"), "No such event in the tracking plan",
			fmt.Sprintf("%v: event %q is not in the tracking plan. Declare it with an amplitude_event_type and refer to its name here, so it is created first.", err, eventType))
		return
	}
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Cannot create the Amplitude event property",
			propertyCreateError(err, "amplitude_event_property.<name>", eventType+"/"+name))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, eventPropertyFromAPI(created, plan))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newEventPropertyIdentity(r.client, created.EventType, created.PropertyName))...)
}

// address splits the id into the event type and the property name.
func (m eventPropertyModel) address() (string, string) {
	eventType, name, _ := parseEventPropertyImportID(m.ID.ValueString())
	return eventType, name
}

func (r *eventPropertyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state eventPropertyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	eventType, name := state.address()
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newEventPropertyIdentity(r.client, eventType, name))...)
	p, err := r.client.GetEventProperty(ctx, eventType, name)
	if developer.IsNotFound(err) {
		shared.RemoveGone(ctx, resp, fmt.Sprintf("Amplitude property %q of event %q", name, eventType))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the Amplitude event property", err.Error())
		return
	}
	if !p.IsInSchema {
		resp.Diagnostics.AddWarning(notInPlanWarning("Event property", eventType+"/"+name))
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, eventPropertyFromAPI(p, state))...)
}

func (r *eventPropertyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state eventPropertyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	eventType, name := state.address()
	updated, err := r.client.UpdateEventProperty(ctx, eventType, name, plan.spec())
	switch {
	case developer.IsNotInSchema(err):
		resp.Diagnostics.AddError("Amplitude will not change this event property", notInSchemaAdvice(err))
		return
	case err != nil:
		resp.Diagnostics.AddError("Cannot update the Amplitude event property", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, eventPropertyFromAPI(updated, plan))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newEventPropertyIdentity(r.client, updated.EventType, updated.PropertyName))...)
}

func (r *eventPropertyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state eventPropertyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	eventType, name := state.address()
	if err := r.client.DeleteEventProperty(ctx, eventType, name); err != nil {
		resp.Diagnostics.AddError("Cannot delete the Amplitude event property", err.Error())
	}
}

// ImportState takes "<event type>/<property name>", or an identity.
func (r *eventPropertyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	raw := req.ID
	if byIdentity(req) {
		var identity eventPropertyIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		if resp.Diagnostics.HasError() || r.client == nil || !sameProject(identity.ProjectID, r.client.ProjectID(), &resp.Diagnostics) {
			return
		}
		raw = identity.EventType.ValueString() + "/" + identity.Name.ValueString()
	}
	eventType, name, err := parseEventPropertyImportID(raw)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), eventType+"/"+name)...)
}
