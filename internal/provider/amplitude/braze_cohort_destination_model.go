package amplitude

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// The amplitude_braze_cohort_destination model, and how it maps to and from
// Amplitude's Braze destination of kind cohort.

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

// write turns the model into a write of Amplitude's Braze parameters.
// secrets holds the secret values, keyed by parameter id. The write carries a
// check that runs before it is sent: Braze's destination type must accept
// the cohort parameters this provider maps, and must list the endpoint
// exactly as written.
func (m brazeCohortDestinationModel) write(secrets map[string]string) developer.DestinationWrite {
	cohort := developer.BrazeCohort{
		Endpoint:       m.BrazeEndpoint.ValueString(),
		DataImportKey:  secrets[developer.BrazeParamDataImportKey],
		UserAliasLabel: m.UserAliasLabel.ValueStringPointer(),
	}
	for _, mapping := range m.IdentifierMappings {
		cohort.IdentifierMappings = append(cohort.IdentifierMappings, developer.IdentifierMapping{
			AmplitudeProperty: mapping.AmplitudeProperty.ValueString(),
			BrazeIdentifier:   mapping.BrazeIdentifier.ValueString(),
		})
	}
	return developer.DestinationWrite{
		Partner: developer.PartnerBraze,
		Spec:    cohort.Spec(m.Name.ValueString()),
		Check: func(t *developer.DestinationType) developer.Diagnostics {
			found := checkBrazeMapping(t, []string{developer.KindCohort})
			return append(found, checkBrazeEndpoint(t, m.BrazeEndpoint)...)
		},
	}
}

// fromDestination returns m updated to what Amplitude holds in d. Amplitude
// never returns the data import key, so the key's attributes keep their
// values from m, except the write-only one, which is never kept in state. If
// d's settings have a shape this provider does not map, only the attributes
// Amplitude sets on every destination are updated, and the error says why.
func (m brazeCohortDestinationModel) fromDestination(d *developer.Destination) (brazeCohortDestinationModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	m.destinationComputed = computedFrom(d)
	s, err := developer.BrazeCohortFrom(d)
	if err != nil {
		diags.AddError("Cannot read the "+brazeCohortDestinationWhat, err.Error())
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

// brazeCohortFields maps the request fields of a Braze cohort destination to
// the attributes they come from, so that an error about a field can point at
// its attribute. The data import key is missing because its attribute
// depends on which form of the key is in use; fields adds it.
var brazeCohortFields = fieldPaths{
	"display_name":               at(path.Root("name")),
	"config.api_endpoint":        at(path.Root("braze_endpoint")),
	"config.user_alias_label":    at(path.Root("user_alias_label")),
	"config.identifier_mappings": at(path.Root("identifier_mappings")),
}

// fields returns brazeCohortFields with the data import key's field added.
func (m brazeCohortDestinationModel) fields(secrets map[string]string) fieldPaths {
	fields := maps.Clone(brazeCohortFields)
	maps.Copy(fields, dataImportKey.fieldPaths(m.DataImportKeyWOVersion, secrets))
	return fields
}
