package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

// This file holds the attributes that event properties and user properties
// share, with the same names on both resources. Amplitude refuses values with
// white space around them rather than trimming them, so the provider refuses
// them at plan time too.

// propertyModel is the part of both property models these attributes fill.
type propertyModel struct {
	Description     types.String `tfsdk:"description"`
	Type            types.String `tfsdk:"type"`
	Regex           types.String `tfsdk:"regex"`
	EnumValues      []string     `tfsdk:"enum_values"`
	IsArrayType     types.Bool   `tfsdk:"is_array_type"`
	IsHidden        types.Bool   `tfsdk:"is_hidden"`
	Classifications []string     `tfsdk:"classifications"`
}

// trimmedText refuses blank values and values with white space around them.
func trimmedText() []validator.String {
	return []validator.String{validators.NotBlank(), validators.Trimmed()}
}

// propertyAttributes returns the shared attributes; what names the kind of
// property in their descriptions. typeFixed is for user properties, whose
// type fields (type, regex, enum_values, is_array_type) Amplitude sets only
// when the property is created, so changing one replaces the property.
func propertyAttributes(what string, typeFixed bool) map[string]schema.Attribute {
	replace := func(note string) string { return note }
	var stringMods []planmodifier.String
	var setMods []planmodifier.Set
	var boolMods []planmodifier.Bool
	if typeFixed {
		replace = func(note string) string {
			return note + " Amplitude sets it when the property is created: changing it replaces the property."
		}
		stringMods = []planmodifier.String{stringplanmodifier.RequiresReplace()}
		setMods = []planmodifier.Set{setplanmodifier.RequiresReplace()}
		boolMods = []planmodifier.Bool{boolplanmodifier.RequiresReplace()}
	}
	return map[string]schema.Attribute{
		"description": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "What the " + what + " means. Removing it clears it in Amplitude.",
			Validators:          trimmedText(),
		},
		"type": schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString("any"),
			MarkdownDescription: replace("The value type: one of " + backtickList(developer.PropertyDataTypes) + ". Defaults to `any`, which is also how an untyped property reads. With `is_array_type`, the type of the elements."),
			Validators:          []validator.String{stringvalidator.OneOf(developer.PropertyDataTypes...)},
			PlanModifiers:       stringMods,
		},
		"regex": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: replace("A pattern values must match (RE2 syntax), e.g. `^[0-9]{5}$`. Only for `type = \"string\"`."),
			Validators:          append(trimmedText(), validators.Regex()),
			PlanModifiers:       stringMods,
		},
		"enum_values": schema.SetAttribute{
			ElementType:         types.StringType,
			Optional:            true,
			MarkdownDescription: replace("The allowed values. Required for `type = \"enum\"`, and only for it. Each value is written exactly: Amplitude refuses white space around one."),
			Validators: []validator.Set{
				setvalidator.SizeAtLeast(1),
				setvalidator.ValueStringsAre(trimmedText()...),
			},
			PlanModifiers: setMods,
		},
		"is_array_type": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
			MarkdownDescription: replace("Whether values are arrays of `type`. Defaults to `false`."),
			PlanModifiers:       boolMods,
		},
		"is_hidden": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
			MarkdownDescription: "Hide the " + what + " from Amplitude's charts and default listings. Defaults to `false`.",
		},
		"classifications": schema.SetAttribute{
			ElementType: types.StringType,
			Optional:    true,
			MarkdownDescription: "Data access classifications: any of " + backtickList(developer.PropertyClassifications) +
				". Needs Data Access Controls enabled on the Amplitude account. Removing them, or `[]`, clears them in Amplitude.",
			Validators: []validator.Set{
				setvalidator.ValueStringsAre(stringvalidator.OneOf(developer.PropertyClassifications...)),
			},
		},
	}
}

// validateTypeRules checks that regex is set only for the string type, and
// that enum_values is set for the enum type and only for it. It reads each
// attribute on its own, into a type that can hold an unknown value, because
// reading the whole propertyModel would fail on an unknown enum_values.
func validateTypeRules(ctx context.Context, config configGetter, resp *resource.ValidateConfigResponse) {
	var propertyType, regex types.String
	var enumValues types.Set
	resp.Diagnostics.Append(config.GetAttribute(ctx, path.Root("type"), &propertyType)...)
	resp.Diagnostics.Append(config.GetAttribute(ctx, path.Root("regex"), &regex)...)
	resp.Diagnostics.Append(config.GetAttribute(ctx, path.Root("enum_values"), &enumValues)...)
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

func (m propertyModel) spec() developer.PropertySpec {
	s := developer.PropertySpec{
		Description:     m.Description.ValueStringPointer(),
		DataType:        m.Type.ValueStringPointer(),
		IsArrayType:     m.IsArrayType.ValueBool(),
		EnumValues:      m.EnumValues,
		Regex:           m.Regex.ValueStringPointer(),
		IsHidden:        m.IsHidden.ValueBool(),
		Classifications: m.Classifications,
	}
	return s
}

// propertyFromAPI returns p in the form state holds it. prior, the plan or
// the state before, decides whether no classifications read back as an empty
// list or as null (see emptyLike).
func propertyFromAPI(p *developer.Property, prior propertyModel) propertyModel {
	dataType := "any"
	if p.DataType != nil {
		dataType = *p.DataType
	}
	return propertyModel{
		Description:     types.StringPointerValue(p.Description),
		Type:            types.StringValue(dataType),
		Regex:           types.StringPointerValue(p.Regex),
		EnumValues:      nilIfEmpty(p.EnumValues),
		IsArrayType:     types.BoolValue(p.IsArrayType),
		IsHidden:        types.BoolValue(p.IsHidden),
		Classifications: emptyLike(prior.Classifications, p.Classifications),
	}
}

// notInPlanWarning says what Read does with a property Amplitude has data
// for but that is not in the tracking plan: Amplitude will not change it,
// and the next apply adds it to the plan.
func notInPlanWarning(what, name string) (string, string) {
	return what + " is not in the tracking plan",
		fmt.Sprintf("%s %q has data in Amplitude but is not in the tracking plan, so Amplitude would refuse to change it. It is removed from state, and the next apply adds it to the plan with the configured settings.", what, name)
}

// notInSchemaAdvice is what to do when Amplitude refuses to change a
// property that is not in the tracking plan.
func notInSchemaAdvice(err error) string {
	return err.Error() + ". The property has data but is not in the tracking plan. Run terraform apply again: the provider then reads it as absent and adds it to the plan, with these settings. Or manage it in Amplitude's dashboard (Data › Properties) and remove it from this configuration."
}
