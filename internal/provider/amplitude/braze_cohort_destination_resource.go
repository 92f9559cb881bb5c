package amplitude

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

var (
	_ resource.ResourceWithConfigure        = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithImportState      = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithConfigValidators = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*brazeCohortDestinationResource)(nil)
)

// Braze identifiers a cohort sync can match users by, in Amplitude's order.
var cohortIdentifiers = []string{"external_id", "device_id", "user_alias"}

var dataImportKey = secretAttribute{name: "data_import_key"}

// NewBrazeCohortDestinationResource is the amplitude_braze_cohort_destination resource.
func NewBrazeCohortDestinationResource() resource.Resource {
	return &brazeCohortDestinationResource{destinationCRUD[brazeCohortDestinationModel]{
		destinationType: amplitude.DestinationTypeBrazeCohort,
		what:            "Amplitude Braze cohort destination",
		secret:          dataImportKey,
	}}
}

type brazeCohortDestinationResource struct {
	destinationCRUD[brazeCohortDestinationModel]
}

type brazeCohortDestinationModel struct {
	ID                     types.String             `tfsdk:"id"`
	Name                   types.String             `tfsdk:"name"`
	Enabled                types.Bool               `tfsdk:"enabled"`
	BrazeEndpoint          types.String             `tfsdk:"braze_endpoint"`
	DataImportKey          types.String             `tfsdk:"data_import_key"`
	DataImportKeyWO        types.String             `tfsdk:"data_import_key_wo"`
	DataImportKeyWOVersion types.Int64              `tfsdk:"data_import_key_wo_version"`
	UserAliasLabel         types.String             `tfsdk:"user_alias_label"`
	IdentifierMappings     []identifierMappingModel `tfsdk:"identifier_mappings"`
}

func (r *brazeCohortDestinationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_braze_cohort_destination"
}

func (r *brazeCohortDestinationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := destinationAttributes(
		"The destination's id; `amplitude_sync.destination_id` of cohort syncs takes it.",
		"The destination's name in Amplitude.",
		"Whether cohorts are sent.")
	maps.Copy(attributes, map[string]schema.Attribute{
		"user_alias_label": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "The Braze user alias label. Required when a mapping uses `user_alias`, and used only then.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"identifier_mappings": schema.ListNestedAttribute{
			Required: true,
			MarkdownDescription: "How cohort members are matched to Braze users, in priority order: Amplitude tries each mapping in turn. " +
				"1 to 3 entries, each Braze identifier at most once. Cohort syncs only match users that already exist in Braze.",
			Validators: []validator.List{listvalidator.SizeBetween(1, 3)},
			NestedObject: schema.NestedAttributeObject{
				Attributes: map[string]schema.Attribute{
					"amplitude_property": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "The Amplitude property, e.g. `user_id` or `device_id`.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"braze_identifier": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "The Braze identifier type: one of " + backtickList(cohortIdentifiers) + ".",
						Validators:          []validator.String{stringvalidator.OneOf(cohortIdentifiers...)},
					},
				},
			},
		},
	})
	maps.Copy(attributes, dataImportKey.schemaAttributes("The Braze **data import key** (Braze › Technology Partners › Amplitude), not a REST API key."))
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Amplitude **Braze (Cohort Sync)** destination: it sends cohort membership to Braze, where it can be used in segments. " +
			"Cohorts reach it through `amplitude_sync` resources of kind `cohort`. " + modeledEndpointNote,
		Attributes: attributes,
	}
}

func (r *brazeCohortDestinationResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return dataImportKey.configValidators()
}

func (r *brazeCohortDestinationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var mappings types.List
	var aliasLabel types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("identifier_mappings"), &mappings)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("user_alias_label"), &aliasLabel)...)
	if mappings.IsNull() || mappings.IsUnknown() {
		return
	}
	seen := map[string]bool{}
	for i := range mappings.Elements() {
		identifierPath := path.Root("identifier_mappings").AtListIndex(i).AtName("braze_identifier")
		var identifier types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, identifierPath, &identifier)...)
		if identifier.IsNull() || identifier.IsUnknown() {
			continue
		}
		if seen[identifier.ValueString()] {
			resp.Diagnostics.AddAttributeError(identifierPath, "Duplicate Braze identifier",
				fmt.Sprintf("%s: %q is mapped twice; each Braze identifier may appear once in identifier_mappings.", identifierPath, identifier.ValueString()))
		}
		seen[identifier.ValueString()] = true
	}
	if seen["user_alias"] && aliasLabel.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("user_alias_label"), "Missing user alias label",
			"user_alias_label: required when identifier_mappings uses \"user_alias\".")
	}
}

func (m brazeCohortDestinationModel) destinationID() types.String { return m.ID }

func (m brazeCohortDestinationModel) withSecret(v secretValues) brazeCohortDestinationModel {
	m.DataImportKey, m.DataImportKeyWOVersion = v.Sensitive, v.Version
	return m
}

func (m brazeCohortDestinationModel) secret() secretValues {
	return secretValues{Sensitive: m.DataImportKey, Version: m.DataImportKeyWOVersion}
}

func (m brazeCohortDestinationModel) toAPI(key string) amplitude.Destination {
	d := amplitude.Destination{
		Type:    amplitude.DestinationTypeBrazeCohort,
		Name:    m.Name.ValueString(),
		Enabled: m.Enabled.ValueBool(),
		Config: amplitude.DestinationConfig{
			Endpoint:       m.BrazeEndpoint.ValueString(),
			DataImportKey:  key,
			UserAliasLabel: m.UserAliasLabel.ValueStringPointer(),
		},
	}
	for _, mapping := range m.IdentifierMappings {
		d.Mappings = append(d.Mappings, amplitude.IdentifierMapping{
			AmplitudeProperty: mapping.AmplitudeProperty.ValueString(),
			BrazeIdentifier:   mapping.BrazeIdentifier.ValueString(),
		})
	}
	return d
}

func (m brazeCohortDestinationModel) withServerState(d *amplitude.Destination) brazeCohortDestinationModel {
	m.ID = types.StringValue(d.ID)
	m.Name = types.StringValue(d.Name)
	m.Enabled = types.BoolValue(d.Enabled)
	m.BrazeEndpoint = types.StringValue(d.Config.Endpoint)
	m.UserAliasLabel = types.StringPointerValue(emptyToNil(d.Config.UserAliasLabel))
	m.DataImportKeyWO = types.StringNull()
	m.IdentifierMappings = nil
	for _, mapping := range d.Mappings {
		m.IdentifierMappings = append(m.IdentifierMappings, identifierMappingModel{
			AmplitudeProperty: types.StringValue(mapping.AmplitudeProperty),
			BrazeIdentifier:   types.StringValue(mapping.BrazeIdentifier),
		})
	}
	return m
}
