package amplitude

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure        = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithImportState      = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithConfigValidators = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*brazeCohortDestinationResource)(nil)
)

// Braze identifiers a cohort sync can match users by, in Amplitude's order.
var cohortIdentifiers = []string{"external_id", "device_id", "user_alias"}

var dataImportKey = secretAttribute{name: "data_import_key"}

// NewBrazeCohortDestinationResource is the amplitude_braze_cohort_destination resource.
func NewBrazeCohortDestinationResource() resource.Resource {
	return &brazeCohortDestinationResource{destinationCRUD[brazeCohortDestinationModel]{
		typeName: "amplitude_braze_cohort_destination",
		what:     "Amplitude Braze cohort destination",
		accepts: func(d *developer.Destination) error {
			if d.Partner != developer.PartnerBraze || len(d.Kind) != 1 || d.Kind[0] != developer.KindCohort {
				return errWrongDestination(d, "Braze cohort destinations (partner braze, kind cohort)")
			}
			return nil
		},
	}}
}

type brazeCohortDestinationResource struct {
	destinationCRUD[brazeCohortDestinationModel]
}

type brazeCohortDestinationModel struct {
	destinationComputed
	Name                   types.String             `tfsdk:"name"`
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
	attributes := computedAttributes("The destination's id, which Amplitude assigns; `amplitude_sync.destination_id` of cohort syncs takes it.")
	maps.Copy(attributes, map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The destination's name shown in Amplitude. Amplitude does not require names to be unique.",
			Validators:          []validator.String{validators.NotBlank()},
		},
		"braze_endpoint": brazeEndpointAttribute(),
		"user_alias_label": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "The Braze user alias label. Required when a mapping uses `user_alias`, and used only then.",
			Validators:          []validator.String{validators.NotBlank()},
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
						Validators:          []validator.String{validators.NotBlank()},
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
			"Cohorts reach it through `amplitude_sync` resources of kind `cohort`. " +
			"**Destroying it only removes it from Terraform's state: it stays in Amplitude**, because Amplitude's Developer API, which manages it, has no delete and cohort destinations cannot be disabled; delete it in Amplitude's dashboard.",
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

func (r *brazeCohortDestinationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.dryRun(ctx, req, resp)
}

func (m brazeCohortDestinationModel) computed() destinationComputed { return m.destinationComputed }

func (m brazeCohortDestinationModel) withComputed(c destinationComputed) brazeCohortDestinationModel {
	m.destinationComputed = c
	return m
}

func (m brazeCohortDestinationModel) partner() string { return developer.PartnerBraze }

func (m brazeCohortDestinationModel) eventStreaming() bool { return false }

func (m brazeCohortDestinationModel) secret() secretValues {
	return secretValues{Sensitive: m.DataImportKey, Version: m.DataImportKeyWOVersion}
}

func (m brazeCohortDestinationModel) secretsToSend(ctx context.Context, config configGetter, diags *diag.Diagnostics) map[string]string {
	return map[string]string{developer.BrazeParamDataImportKey: dataImportKey.valueToSend(ctx, m.secret(), config, diags)}
}

func (m brazeCohortDestinationModel) disconnected(status string, diags *diag.Diagnostics) brazeCohortDestinationModel {
	v := dataImportKey.disconnected(m.secret(), m.ID.ValueString(), status, diags)
	m.DataImportKey = v.Sensitive
	return m
}

func (m brazeCohortDestinationModel) checkType(t *developer.DestinationType, _ map[string]string, diags *diag.Diagnostics) {
	if err := developer.CheckBrazeType(t, []string{developer.KindCohort}); err != nil {
		diags.AddError("Amplitude's Braze destination type differs from what this provider maps", err.Error())
		return
	}
	checkBrazeEndpoint(t, m.BrazeEndpoint, diags)
}

//nolint:unparam // the generic resource reports diagnostics through this method too
func (m brazeCohortDestinationModel) spec(_ context.Context, _ *developer.DestinationType, secrets map[string]string, _ *brazeCohortDestinationModel) (developer.DestinationSpec, diag.Diagnostics) {
	s := developer.BrazeCohort{
		Endpoint:       m.BrazeEndpoint.ValueString(),
		DataImportKey:  secrets[developer.BrazeParamDataImportKey],
		UserAliasLabel: m.UserAliasLabel.ValueStringPointer(),
	}
	for _, mapping := range m.IdentifierMappings {
		s.IdentifierMappings = append(s.IdentifierMappings, developer.IdentifierMapping{
			AmplitudeProperty: mapping.AmplitudeProperty.ValueString(),
			BrazeIdentifier:   mapping.BrazeIdentifier.ValueString(),
		})
	}
	return s.Spec(m.Name.ValueString()), nil
}

func (m brazeCohortDestinationModel) withServerState(_ context.Context, d *developer.Destination) (brazeCohortDestinationModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	s, err := developer.BrazeCohortFrom(d)
	if err != nil {
		diags.AddError("Cannot read the Amplitude Braze cohort destination", err.Error())
		return m, diags
	}
	m.Name = types.StringValue(d.DisplayName)
	m.BrazeEndpoint = types.StringValue(s.Endpoint)
	m.UserAliasLabel = types.StringPointerValue(s.UserAliasLabel)
	m.DataImportKeyWO = types.StringNull()
	m.IdentifierMappings = nil
	for _, mapping := range s.IdentifierMappings {
		m.IdentifierMappings = append(m.IdentifierMappings, identifierMappingModel{
			AmplitudeProperty: types.StringValue(mapping.AmplitudeProperty),
			BrazeIdentifier:   types.StringValue(mapping.BrazeIdentifier),
		})
	}
	return m, diags
}

var brazeCohortFields = map[string]path.Path{
	"display_name":               path.Root("name"),
	"config.api_endpoint":        path.Root("braze_endpoint"),
	"config.user_alias_label":    path.Root("user_alias_label"),
	"config.identifier_mappings": path.Root("identifier_mappings"),
	"config.data_import_key":     path.Root("data_import_key"),
}

func (m brazeCohortDestinationModel) fieldPath(field string) (path.Path, bool) {
	if field == "config."+developer.BrazeParamDataImportKey {
		return dataImportKey.pathFor(m.secret()), true
	}
	return translatePath(field, brazeCohortFields)
}
