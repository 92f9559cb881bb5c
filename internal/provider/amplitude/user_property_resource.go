package amplitude

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure      = (*userPropertyResource)(nil)
	_ resource.ResourceWithImportState    = (*userPropertyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*userPropertyResource)(nil)
	_ resource.ResourceWithUpgradeState   = (*userPropertyResource)(nil)
	_ resource.ResourceWithIdentity       = (*userPropertyResource)(nil)
)

// NewUserPropertyResource is the amplitude_user_property resource.
func NewUserPropertyResource() resource.Resource { return &userPropertyResource{} }

type userPropertyResource struct {
	client *developer.Client
}

type userPropertyModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	DisplayName types.String `tfsdk:"display_name"`
	propertyModel
}

func (r *userPropertyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_property"
}

// userPropertySchemaVersion 1 is the schema on the Developer API; version 0
// was on the older Taxonomy API.
const userPropertySchemaVersion = 1

func (r *userPropertyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := propertyAttributes("property", true)
	maps.Copy(attributes, map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "The property's name, which is how the Developer API addresses it.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The user property's name as your code sends it, without the `gp:` prefix Amplitude's charts show. Amplitude cannot rename a property: changing it replaces the property.",
			Validators:          append(trimmedText(), validators.UserPropertyName()),
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"display_name": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "The name Amplitude's charts show instead of `name`. Removing it clears it in Amplitude.",
			Validators:          trimmedText(),
		},
	})
	resp.Schema = schema.Schema{
		Version: userPropertySchemaVersion,
		MarkdownDescription: "A user property in an Amplitude project's tracking plan, managed through the Developer API (`/v1/projects/{project_id}/user-properties`, scopes `taxonomy:read` and `taxonomy:write`). " +
			"Every write carries an idempotency key, so a retried write never acts twice. " +
			"A user-property `amplitude_sync` that refers to its `name` is created after it. " +
			"Creating a property that already has data but is not in the plan adds it to the plan; destroying one removes it from the plan (Amplitude keeps it, deleted, and a later create brings it back).",
		Attributes: attributes,
	}
}

func (r *userPropertyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	validateTypeRules(ctx, req.Config, resp)
}

func (r *userPropertyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, _ = developerFor(req.ProviderData, "amplitude_user_property", &resp.Diagnostics)
}

func (m userPropertyModel) spec() developer.PropertySpec {
	s := m.propertyModel.spec()
	s.DisplayName = m.DisplayName.ValueStringPointer()
	return s
}

func userPropertyFromAPI(p *developer.Property, prior userPropertyModel) userPropertyModel {
	return userPropertyModel{
		ID:            types.StringValue(p.PropertyName),
		Name:          types.StringValue(p.PropertyName),
		DisplayName:   types.StringPointerValue(p.DisplayName),
		propertyModel: propertyFromAPI(p, prior.propertyModel),
	}
}

func (r *userPropertyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userPropertyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	created, err := r.client.CreateUserProperty(ctx, name, plan.spec())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Cannot create the Amplitude user property", propertyCreateError(err, "amplitude_user_property.<name>", name))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, userPropertyFromAPI(created, plan))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newPlanObjectIdentity(r.client, created.PropertyName))...)
}

// propertyCreateError explains a refused property create.
func propertyCreateError(err error, address, importID string) string {
	switch {
	case errors.Is(err, developer.ErrAlreadyInPlan):
		return fmt.Sprintf("%q: %v, and Amplitude left it unchanged. To manage it here, import it: terraform import %s %q", importID, err, address, importID)
	case developer.IsReadOnlyProperty(err):
		return err.Error() + ". Amplitude's default properties are not part of the tracking plan you manage: refer to them by name (for example in amplitude_sync.source_id) without a resource."
	}
	return err.Error()
}

func (r *userPropertyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userPropertyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.ID.ValueString()
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newPlanObjectIdentity(r.client, name))...)
	p, err := r.client.GetUserProperty(ctx, name)
	if developer.IsNotFound(err) {
		shared.RemoveGone(ctx, resp, fmt.Sprintf("Amplitude user property %q", name))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the Amplitude user property", err.Error())
		return
	}
	if !p.IsInSchema {
		resp.Diagnostics.AddWarning(notInPlanWarning("User property", name))
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, userPropertyFromAPI(p, state))...)
}

func (r *userPropertyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state userPropertyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, err := r.client.UpdateUserProperty(ctx, state.ID.ValueString(), plan.spec())
	switch {
	case developer.IsNotInSchema(err):
		resp.Diagnostics.AddError("Amplitude will not change this user property", notInSchemaAdvice(err))
		return
	case err != nil:
		resp.Diagnostics.AddError("Cannot update the Amplitude user property", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, userPropertyFromAPI(updated, plan))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, newPlanObjectIdentity(r.client, updated.PropertyName))...)
}

func (r *userPropertyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state userPropertyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteUserProperty(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.AddError("Cannot delete the Amplitude user property", err.Error())
	}
}

// ImportState takes the property's name, or an identity. A gp: prefix,
// which the older Taxonomy API and Amplitude's charts put on custom
// properties, is dropped.
func (r *userPropertyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	raw, ok := importedPlanObjectName(ctx, r.client, req, &resp.Diagnostics)
	if !ok {
		return
	}
	name, err := parseUserPropertyImportID(raw)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	if facts.IsAmplitudeDefaultUserProperty(name) {
		resp.Diagnostics.AddError("A built-in user property",
			fmt.Sprintf("%q is one of the user properties Amplitude tracks by itself (built in), not part of the tracking plan you manage: Amplitude refuses changes to it. "+
				"Refer to it by name (for example in amplitude_sync.source_id) without a resource.", name))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), name)...)
}

// UpgradeState moves state written on the older Taxonomy API (version 0) to
// the Developer API's schema: the attributes are the same but for the new
// display_name, which the older API did not have.
func (r *userPropertyResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	prior := propertyAttributes("property", false)
	maps.Copy(prior, map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true},
		"name": schema.StringAttribute{Required: true},
	})
	return map[int64]resource.StateUpgrader{
		0: {
			PriorSchema: &schema.Schema{Attributes: prior},
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				var old struct {
					ID   types.String `tfsdk:"id"`
					Name types.String `tfsdk:"name"`
					propertyModel
				}
				resp.Diagnostics.Append(req.State.Get(ctx, &old)...)
				if resp.Diagnostics.HasError() {
					return
				}
				resp.Diagnostics.Append(resp.State.Set(ctx, userPropertyModel{
					ID:            types.StringValue(strings.TrimPrefix(old.ID.ValueString(), "gp:")),
					Name:          old.Name,
					DisplayName:   types.StringNull(),
					propertyModel: old.propertyModel,
				})...)
			},
		},
	}
}
