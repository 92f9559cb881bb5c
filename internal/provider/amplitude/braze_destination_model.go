package amplitude

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// The amplitude_braze_destination model, and how it maps to and from
// Amplitude's Braze destination of kind event and/or identify.

type brazeDestinationModel struct {
	destinationComputed
	Name                 types.String            `tfsdk:"name"`
	Enabled              types.Bool              `tfsdk:"enabled"`
	Paused               types.Bool              `tfsdk:"paused"`
	BrazeEndpoint        types.String            `tfsdk:"braze_endpoint"`
	BrazeAppID           types.String            `tfsdk:"braze_app_id"`
	BrazeAPIKey          types.String            `tfsdk:"braze_api_key"`
	BrazeAPIKeyWO        types.String            `tfsdk:"braze_api_key_wo"`
	BrazeAPIKeyWOVersion types.Int64             `tfsdk:"braze_api_key_wo_version"`
	UserAliasLabel       types.String            `tfsdk:"user_alias_label"`
	UpdateUsersOnly      types.Bool              `tfsdk:"update_users_only"`
	IdentifierMapping    *identifierMappingModel `tfsdk:"identifier_mapping"`
	SendEvents           *sendEventsModel        `tfsdk:"send_events"`
	SendUsers            *sendUsersModel         `tfsdk:"send_users"`
}

type identifierMappingModel struct {
	AmplitudeProperty types.String `tfsdk:"amplitude_property"`
	BrazeIdentifier   types.String `tfsdk:"braze_identifier"`
}

type sendEventsModel struct {
	AllEvents       types.Bool         `tfsdk:"all_events"`
	Events          []string           `tfsdk:"events"`
	Filters         []eventFilterModel `tfsdk:"filters"`
	EventProperties []string           `tfsdk:"event_properties"`
	UserProperties  []string           `tfsdk:"user_properties"`
}

type eventFilterModel struct {
	Property types.String `tfsdk:"property"`
	Operator types.String `tfsdk:"operator"`
	Values   []string     `tfsdk:"values"`
}

type sendUsersModel struct {
	UserProperties []string `tfsdk:"user_properties"`
}

// write turns the model into a write of Amplitude's Braze parameters.
// secrets holds the secret values, keyed by parameter id. The write carries a
// check that runs before it is sent: Braze's destination type must accept
// the parameters this provider maps, and must list the endpoint exactly as
// written.
func (m brazeDestinationModel) write(secrets map[string]string) developer.DestinationWrite {
	stream := m.stream(secrets[developer.BrazeParamAPIKey])
	return developer.DestinationWrite{
		Partner: developer.PartnerBraze,
		Spec:    stream.Spec(m.Name.ValueString(), m.Enabled.ValueBool()),
		Check: func(t *developer.DestinationType) developer.Diagnostics {
			found := checkBrazeMapping(t, stream.Kinds())
			return append(found, checkBrazeEndpoint(t, m.BrazeEndpoint)...)
		},
	}
}

func (m brazeDestinationModel) stream(apiKey string) developer.BrazeStream {
	s := developer.BrazeStream{
		Endpoint:        m.BrazeEndpoint.ValueString(),
		APIKey:          apiKey,
		AppID:           m.BrazeAppID.ValueString(),
		UserAliasLabel:  m.UserAliasLabel.ValueStringPointer(),
		UpdateUsersOnly: m.UpdateUsersOnly.ValueBool(),
	}
	if m.IdentifierMapping != nil {
		s.UserIDMapping = developer.IdentifierMapping{
			AmplitudeProperty: m.IdentifierMapping.AmplitudeProperty.ValueString(),
			BrazeIdentifier:   m.IdentifierMapping.BrazeIdentifier.ValueString(),
		}
	}
	if e := m.SendEvents; e != nil {
		s.Events = &developer.BrazeEvents{EventProperties: e.EventProperties, UserProperties: e.UserProperties}
		if !e.AllEvents.ValueBool() {
			s.Events.Events = e.Events
		}
		for _, f := range e.Filters {
			s.Events.Conditions = append(s.Events.Conditions, developer.PropertyCondition{
				Property: f.Property.ValueString(), Operator: f.Operator.ValueString(), Values: f.Values,
			})
		}
	}
	if m.SendUsers != nil {
		s.UserProperties = m.SendUsers.UserProperties
	}
	return s
}

// fromDestination returns m updated to what Amplitude holds in d. Amplitude
// never returns the Braze key, so the key's attributes keep their values
// from m, except the write-only one, which is never kept in state. If d's
// settings have a shape this provider does not map, only the attributes
// Amplitude sets on every destination are updated, and the error says why.
func (m brazeDestinationModel) fromDestination(d *developer.Destination) (brazeDestinationModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	m.destinationComputed = computedFrom(d)
	s, err := developer.BrazeStreamFrom(d)
	if err != nil {
		diags.AddError("Cannot read the "+brazeDestinationWhat, err.Error())
		return m, diags
	}
	m.Name = types.StringValue(d.DisplayName)
	m.Enabled = types.BoolValue(d.Enabled == nil || *d.Enabled)
	m.Paused = types.BoolValue(d.Paused != nil && *d.Paused)
	m.BrazeEndpoint = types.StringValue(s.Endpoint)
	m.BrazeAppID = types.StringValue(s.AppID)
	m.UserAliasLabel = types.StringPointerValue(s.UserAliasLabel)
	m.UpdateUsersOnly = types.BoolValue(s.UpdateUsersOnly)
	m.BrazeAPIKeyWO = types.StringNull()
	m.IdentifierMapping = &identifierMappingModel{
		AmplitudeProperty: types.StringValue(s.UserIDMapping.AmplitudeProperty),
		BrazeIdentifier:   types.StringValue(s.UserIDMapping.BrazeIdentifier),
	}
	prior := m.SendEvents
	if prior == nil {
		prior = &sendEventsModel{}
	}
	m.SendEvents = nil
	if e := s.Events; e != nil {
		m.SendEvents = &sendEventsModel{
			AllEvents:       types.BoolValue(e.Events == nil),
			Events:          nilIfEmpty(e.Events),
			EventProperties: emptyLike(prior.EventProperties, e.EventProperties),
			UserProperties:  emptyLike(prior.UserProperties, e.UserProperties),
		}
		var filters []eventFilterModel
		for _, f := range e.Conditions {
			filters = append(filters, eventFilterModel{
				Property: types.StringValue(f.Property), Operator: types.StringValue(f.Operator), Values: f.Values,
			})
		}
		m.SendEvents.Filters = emptyLike(prior.Filters, filters)
	}
	m.SendUsers = nil
	if s.UserProperties != nil {
		m.SendUsers = &sendUsersModel{UserProperties: nilIfEmpty(s.UserProperties)}
	}
	return m, diags
}

// brazeStreamFields maps the request fields of a Braze event stream to the
// attributes they come from, so that an error about a field can point at its
// attribute. The key is missing because its attribute depends on which form
// of the key is in use; fields adds it.
var brazeStreamFields = fieldPaths{
	"display_name":             at(path.Root("name")),
	"enabled":                  at(path.Root("enabled")),
	"kind":                     at(path.Root("send_events")),
	"send_events":              at(path.Root("send_events")),
	"send_users":               at(path.Root("send_users")),
	"config.api_endpoint":      at(path.Root("braze_endpoint")),
	"config.app_id":            at(path.Root("braze_app_id")),
	"config.user_alias_label":  at(path.Root("user_alias_label")),
	"config.update_users_only": at(path.Root("update_users_only")),
	"config.user_id_mapping":   at(path.Root("identifier_mapping")),
	"event_filter":             at(path.Root("send_events")),
	"event_filter.events":      at(path.Root("send_events").AtName("events")),
	"event_filter.property_filters.conditions":   at(path.Root("send_events").AtName("filters")),
	"property_mappings.event_properties":         at(path.Root("send_events").AtName("event_properties")),
	"property_mappings.user_properties":          at(path.Root("send_events").AtName("user_properties")),
	"property_mappings.identify_user_properties": at(path.Root("send_users").AtName("user_properties")),
}

// fields returns brazeStreamFields with the key's field added.
func (m brazeDestinationModel) fields(secrets map[string]string) fieldPaths {
	fields := maps.Clone(brazeStreamFields)
	maps.Copy(fields, brazeAPIKey.fieldPaths(m.BrazeAPIKeyWOVersion, secrets))
	return fields
}

// checkBrazeMapping refuses a Braze destination type that does not accept
// the parameters this provider maps for kinds. Both Braze resources use it.
func checkBrazeMapping(t *developer.DestinationType, kinds []string) developer.Diagnostics {
	var found developer.Diagnostics
	if err := developer.CheckBrazeType(t, kinds); err != nil {
		found.AddError("", "Amplitude's Braze destination type differs from what this provider maps", err.Error())
	}
	return found
}

// checkBrazeEndpoint refuses, at plan time, an endpoint that is not in
// Amplitude's list of Braze endpoints exactly as written. Both Braze
// resources use it. Amplitude compares the endpoint exactly, so another
// spelling of a listed one (upper case, a trailing slash) is refused too,
// and the error gives the spelling to use.
func checkBrazeEndpoint(t *developer.DestinationType, endpoint types.String) developer.Diagnostics {
	var found developer.Diagnostics
	field := "config." + developer.BrazeParamAPIEndpoint
	p, ok := t.Parameter(developer.BrazeParamAPIEndpoint)
	if !ok || len(p.EnumValues) == 0 || endpoint.IsNull() || endpoint.IsUnknown() || slices.Contains(p.EnumValues, endpoint.ValueString()) {
		return found
	}
	given := strings.TrimSuffix(strings.TrimSpace(endpoint.ValueString()), "/")
	for _, listed := range p.EnumValues {
		if strings.EqualFold(given, listed) {
			found.AddError(field, "Write the Braze endpoint as Amplitude lists it",
				fmt.Sprintf("braze_endpoint: %q is %q written another way; Amplitude takes it only as %q.", endpoint.ValueString(), listed, listed))
			return found
		}
	}
	found.AddError(field, "Not a Braze endpoint Amplitude knows",
		fmt.Sprintf("braze_endpoint: %q is not one of the Braze REST endpoints Amplitude sends to: %s. provider::braze::rest_endpoint(\"US-05\") gives the one of an instance.",
			endpoint.ValueString(), strings.Join(p.EnumValues, ", ")))
	return found
}
