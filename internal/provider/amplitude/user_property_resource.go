package amplitude

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

var (
	_ resource.ResourceWithConfigure      = (*userPropertyResource)(nil)
	_ resource.ResourceWithImportState    = (*userPropertyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*userPropertyResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*userPropertyResource)(nil)
)

// NewUserPropertyResource is the amplitude_user_property resource.
func NewUserPropertyResource() resource.Resource { return &userPropertyResource{} }

type userPropertyResource struct {
	client *amplitude.Client
}

type userPropertyModel struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	Type            types.String `tfsdk:"type"`
	Regex           types.String `tfsdk:"regex"`
	EnumValues      []string     `tfsdk:"enum_values"`
	IsArrayType     types.Bool   `tfsdk:"is_array_type"`
	IsHidden        types.Bool   `tfsdk:"is_hidden"`
	Classifications []string     `tfsdk:"classifications"`
}

func (r *userPropertyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_property"
}

func (r *userPropertyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A custom user property in an Amplitude project's taxonomy, managed through Amplitude's Taxonomy API " +
			"(an Enterprise-plan feature). A user-property `amplitude_sync` that refers to its `name` is created after it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The property's name, which is how the Taxonomy API addresses it.",
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The user property's name, without the `gp:` prefix Amplitude gives custom properties in its API. " +
					"Renaming updates the property in place.",
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.RegexMatches(notGPPrefixed, `must not start with "gp:": the provider adds Amplitude's prefix for custom properties`),
				},
			},
			"description": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "What the property means.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"type": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("any"),
				MarkdownDescription: "The value type: one of " + backtickList(amplitude.UserPropertyTypes) + ". Defaults to `any`. With `is_array_type`, the type of the elements.",
				Validators:          []validator.String{stringvalidator.OneOf(amplitude.UserPropertyTypes...)},
			},
			"regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "A pattern values must match, e.g. `[0-9]{5}`. Only for `type = \"string\"`.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"enum_values": schema.SetAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "The allowed values. Required for `type = \"enum\"`, and only for it. Values may not contain commas: the API takes them as a comma-separated list.",
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1), stringvalidator.RegexMatches(noComma, "must not contain a comma")),
				},
			},
			"is_array_type": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
				MarkdownDescription: "Whether values are arrays of `type`. Defaults to `false`.",
			},
			"is_hidden": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
				MarkdownDescription: "Hide the property from chart dropdowns. Defaults to `false`.",
			},
			"classifications": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				MarkdownDescription: "Data access classifications: any of " + backtickList(amplitude.UserPropertyClassifications) +
					". Needs Data Access Controls enabled on the Amplitude account.",
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.OneOf(amplitude.UserPropertyClassifications...)),
				},
			},
		},
	}
}

// ValidateConfig checks the rules that tie regex and enum_values to a type.
func (r *userPropertyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var propertyType, regex types.String
	var enumValues types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("type"), &propertyType)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("regex"), &regex)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("enum_values"), &enumValues)...)
	if propertyType.IsUnknown() {
		return
	}
	typeName := propertyType.ValueString()
	if typeName == "" {
		typeName = "any"
	}
	if !regex.IsNull() && typeName != "string" {
		resp.Diagnostics.AddAttributeError(path.Root("regex"), "regex needs a string type",
			fmt.Sprintf("regex: only applies to type \"string\"; this property's type is %q.", typeName))
	}
	if !enumValues.IsNull() && typeName != "enum" {
		resp.Diagnostics.AddAttributeError(path.Root("enum_values"), "enum_values needs the enum type",
			fmt.Sprintf("enum_values: only applies to type \"enum\"; this property's type is %q.", typeName))
	}
	if enumValues.IsNull() && typeName == "enum" {
		resp.Diagnostics.AddAttributeError(path.Root("enum_values"), "Missing enum values",
			"enum_values: required when type is \"enum\".")
	}
}

// ModifyPlan keeps id equal to the name, so a rename shows the new id.
func (r *userPropertyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var name types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), name)...)
}

func (r *userPropertyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = basicFor(req.ProviderData, "amplitude_user_property", &resp.Diagnostics)
}

func (r *userPropertyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userPropertyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateUserProperty(ctx, plan.toAPI())
	if err != nil {
		resp.Diagnostics.AddError("Cannot create the Amplitude user property", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, userPropertyFromAPI(created))...)
}

func (r *userPropertyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userPropertyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	property, err := r.client.GetUserProperty(ctx, state.ID.ValueString())
	if amplitude.IsNotFound(err) {
		resp.Diagnostics.AddWarning("Amplitude user property is gone",
			fmt.Sprintf("User property %q was deleted outside Terraform; it is removed from state and the next apply creates it again.", state.ID.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the Amplitude user property", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, userPropertyFromAPI(property))...)
}

func (r *userPropertyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state userPropertyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, err := r.client.UpdateUserProperty(ctx, state.ID.ValueString(), plan.toAPI())
	if err != nil {
		resp.Diagnostics.AddError("Cannot update the Amplitude user property", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, userPropertyFromAPI(updated))...)
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

// ImportState takes the property's name, with or without the gp: prefix.
func (r *userPropertyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name, err := parseUserPropertyImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), name)...)
}

// parseUserPropertyImportID reads a property name, dropping the "gp:" prefix
// Amplitude shows on custom properties. Names may hold spaces ("Play Song")
// and most punctuation; the name is joined into request paths, so one that
// could walk them is refused: "." and "..", slashes, percent escapes (the
// name is given as it reads, not URL-encoded) and control characters.
func parseUserPropertyImportID(raw string) (string, error) {
	name := strings.TrimPrefix(strings.TrimSpace(raw), "gp:")
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) || percentEscape.MatchString(name) ||
		!utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return "", fmt.Errorf("%q is not a user property name that can be imported: the import id is the property's name as it reads, e.g. loyalty_tier or gp:loyalty_tier, "+
			"holding no slash, backslash, percent escape or control character, and not \".\" or \"..\"", raw)
	}
	return name, nil
}

// percentEscape finds URL encoding such as %2F.
var percentEscape = regexp.MustCompile(`%[0-9A-Fa-f]{2}`)

func (m userPropertyModel) toAPI() amplitude.UserProperty {
	return amplitude.UserProperty{
		Name:            m.Name.ValueString(),
		Description:     m.Description.ValueString(),
		Type:            m.Type.ValueString(),
		Regex:           m.Regex.ValueString(),
		EnumValues:      m.EnumValues,
		IsArrayType:     m.IsArrayType.ValueBool(),
		IsHidden:        m.IsHidden.ValueBool(),
		Classifications: m.Classifications,
	}
}

func userPropertyFromAPI(p *amplitude.UserProperty) userPropertyModel {
	propertyType := p.Type
	if propertyType == "" {
		propertyType = "any"
	}
	return userPropertyModel{
		ID:              types.StringValue(p.Name),
		Name:            types.StringValue(p.Name),
		Description:     stringOrNull(p.Description),
		Type:            types.StringValue(propertyType),
		Regex:           stringOrNull(p.Regex),
		EnumValues:      nilIfEmpty(p.EnumValues),
		IsArrayType:     types.BoolValue(p.IsArrayType),
		IsHidden:        types.BoolValue(p.IsHidden),
		Classifications: nilIfEmpty(p.Classifications),
	}
}
