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

// write is the model as a write of Amplitude's Braze parameters, with the
// secrets by parameter id. Before it is sent, Braze's destination type must
// take the cohort parameters this provider maps, and the endpoint as
// written.
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

// fromDestination is the model as Amplitude holds d. What Amplitude never
// returns, the data import key in its two forms, is kept from m; the
// write-only form is never kept in state. When d's settings have a shape
// this provider does not map, only the attributes Amplitude sets on every
// destination change, and the error says why.
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

// brazeCohortFields are the request fields of a Braze cohort destination and
// the attributes they come from; the key's field depends on the form in use,
// so fields adds it.
var brazeCohortFields = fieldPaths{
	"display_name":               at(path.Root("name")),
	"config.api_endpoint":        at(path.Root("braze_endpoint")),
	"config.user_alias_label":    at(path.Root("user_alias_label")),
	"config.identifier_mappings": at(path.Root("identifier_mappings")),
}

// fields is the model's table of request fields, its key included.
func (m brazeCohortDestinationModel) fields(secrets map[string]string) fieldPaths {
	fields := maps.Clone(brazeCohortFields)
	maps.Copy(fields, dataImportKey.fieldPaths(m.DataImportKeyWOVersion, secrets))
	return fields
}
