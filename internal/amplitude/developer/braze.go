package developer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The Braze destinations as this client maps them onto the Developer API.
// Amplitude's docs do not publish Braze's parameter ids, nor the shapes of
// property_filters and property_mappings. api/amplitude-developer.openapi.yaml
// leaves those free-form, and the shapes it gives are the sandbox's, marked
// x-modelled. So the client writes its assumptions down here, in one place,
// and CheckBrazeType compares them with what Amplitude's destination-types
// endpoint serves before anything is written.

// PartnerBraze is Braze's partner key.
const PartnerBraze = "braze"

// Braze's config parameters.
const (
	BrazeParamAPIEndpoint        = "api_endpoint"
	BrazeParamAPIKey             = "api_key"
	BrazeParamAppID              = "app_id"
	BrazeParamUserAliasLabel     = "user_alias_label"
	BrazeParamUpdateUsersOnly    = "update_users_only"
	BrazeParamUserIDMapping      = "user_id_mapping"
	BrazeParamDataImportKey      = "data_import_key"
	BrazeParamIdentifierMappings = "identifier_mappings"
)

// brazeStreamParameters and brazeCohortParameters give the kinds the client
// accepts for each parameter it maps, one table per destination family. An
// endpoint may come as an enum of the instances or as a plain string.
var (
	brazeStreamParameters = map[string][]string{
		BrazeParamAPIEndpoint:     {"enum", "string"},
		BrazeParamAPIKey:          {ParameterKindSecret},
		BrazeParamAppID:           {"string"},
		BrazeParamUserAliasLabel:  {"string"},
		BrazeParamUpdateUsersOnly: {"boolean"},
		BrazeParamUserIDMapping:   {"mapped_field"},
	}
	brazeCohortParameters = map[string][]string{
		BrazeParamAPIEndpoint:        {"enum", "string"},
		BrazeParamDataImportKey:      {ParameterKindSecret},
		BrazeParamUserAliasLabel:     {"string"},
		BrazeParamIdentifierMappings: {"mapped_field"},
	}
)

// FilterOperators are the operators of an event filter's property
// conditions.
var FilterOperators = []string{"is", "is_not", "contains", "greater_than", "less_than"}

// MappingMismatch reports that a partner's destination type, as Amplitude
// serves it, differs from what the client maps. Writing would then send
// parameters Amplitude does not take, so nothing is written.
type MappingMismatch struct {
	Partner  string
	Problems []string
	// Served lists the partner's parameters as Amplitude serves them.
	Served []Parameter
	Types  []string
}

func (e *MappingMismatch) Error() string {
	served := make([]string, len(e.Served))
	for i, p := range e.Served {
		served[i] = fmt.Sprintf("%s (%s)", p.ID, p.Kind)
	}
	return fmt.Sprintf("Amplitude's %q destination type differs from what this provider maps: %s. Amplitude serves kinds [%s] and parameters [%s]; "+
		"until the provider is updated, the generic amplitude_destination resource can manage it",
		e.Partner, strings.Join(e.Problems, "; "), strings.Join(e.Types, ", "), strings.Join(served, ", "))
}

// CheckBrazeType reports a *MappingMismatch when t cannot take the Braze
// destinations of kinds as this client writes them.
func CheckBrazeType(t *DestinationType, kinds []string) error {
	var problems []string
	for _, k := range kinds {
		if !slices.Contains(t.Types, k) {
			problems = append(problems, fmt.Sprintf("it does not serve kind %q", k))
		}
	}
	expected := brazeStreamParameters
	if slices.Contains(kinds, KindCohort) {
		expected = brazeCohortParameters
	}
	ids := make([]string, 0, len(expected))
	for id := range expected {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		p, ok := t.Parameter(id)
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("it has no parameter %q", id))
		case !slices.Contains(expected[id], p.Kind):
			problems = append(problems, fmt.Sprintf("parameter %q is of kind %q, not %s", id, p.Kind, strings.Join(expected[id], " or ")))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return &MappingMismatch{Partner: t.Partner, Problems: problems, Served: t.Parameters, Types: t.Types}
}

// IdentifierMapping maps an Amplitude property to a Braze identifier.
type IdentifierMapping struct {
	AmplitudeProperty string `json:"amplitude_property"`
	BrazeIdentifier   string `json:"braze_identifier"`
}

// PropertyCondition is one condition of an event filter.
type PropertyCondition struct {
	Property string   `json:"property"`
	Operator string   `json:"operator"`
	Values   []string `json:"values"`
}

type propertyFilters struct {
	Conditions []PropertyCondition `json:"conditions"`
}

type propertyMappings struct {
	EventProperties        []string `json:"event_properties,omitempty"`
	UserProperties         []string `json:"user_properties,omitempty"`
	IdentifyUserProperties []string `json:"identify_user_properties,omitempty"`
}

// BrazeStream is a "Braze (Event Stream)" destination's settings.
type BrazeStream struct {
	Endpoint string
	// APIKey is never returned by Amplitude; empty on a read.
	APIKey          string
	AppID           string
	UserAliasLabel  *string
	UpdateUsersOnly bool
	UserIDMapping   IdentifierMapping
	// Events is nil when events are not sent.
	Events *BrazeEvents
	// UserProperties are sent as custom attributes when they change; nil
	// when users are not sent.
	UserProperties []string
}

// BrazeEvents selects the events a Braze stream forwards.
type BrazeEvents struct {
	// A nil Events forwards every event.
	Events          []string
	Conditions      []PropertyCondition
	EventProperties []string
	UserProperties  []string
}

// Kinds returns the destination kinds these settings make: event when events
// are sent, identify when users are.
func (s BrazeStream) Kinds() []string {
	var kinds []string
	if s.Events != nil {
		kinds = append(kinds, KindEvent)
	}
	if s.UserProperties != nil {
		kinds = append(kinds, KindIdentify)
	}
	return kinds
}

// Spec returns the destination write these settings make, named name.
func (s BrazeStream) Spec(name string, enabled bool) DestinationSpec {
	config := map[string]json.RawMessage{
		BrazeParamAPIEndpoint:     mustJSON(s.Endpoint),
		BrazeParamAPIKey:          mustJSON(s.APIKey),
		BrazeParamAppID:           mustJSON(s.AppID),
		BrazeParamUpdateUsersOnly: mustJSON(s.UpdateUsersOnly),
		BrazeParamUserIDMapping:   mustJSON(s.UserIDMapping),
		BrazeParamUserAliasLabel:  mustJSON(s.UserAliasLabel), // null removes a label set before
	}
	sendEvents, sendUsers := s.Events != nil, s.UserProperties != nil
	spec := DestinationSpec{
		DisplayName: name,
		Kind:        s.Kinds(),
		Config:      config,
		Enabled:     &enabled,
		SendEvents:  &sendEvents,
		SendUsers:   &sendUsers,
	}
	mappings := propertyMappings{IdentifyUserProperties: s.UserProperties}
	if e := s.Events; e != nil {
		mappings.EventProperties, mappings.UserProperties = e.EventProperties, e.UserProperties
		if e.Events != nil {
			spec.EventFilter = &EventFilter{Events: e.Events}
			if len(e.Conditions) > 0 {
				spec.EventFilter.PropertyFilters = mustJSON(propertyFilters{Conditions: e.Conditions})
			}
		}
	}
	if mappings.EventProperties != nil || mappings.UserProperties != nil || mappings.IdentifyUserProperties != nil {
		spec.PropertyMappings = mustJSON(mappings)
	}
	return spec
}

// BrazeStreamFrom reads a Braze stream's settings from a destination.
func BrazeStreamFrom(d *Destination) (BrazeStream, error) {
	var s BrazeStream
	r := configReader{config: d.Config}
	r.read(BrazeParamAPIEndpoint, &s.Endpoint)
	r.read(BrazeParamAppID, &s.AppID)
	r.read(BrazeParamUserAliasLabel, &s.UserAliasLabel)
	r.read(BrazeParamUpdateUsersOnly, &s.UpdateUsersOnly)
	r.read(BrazeParamUserIDMapping, &s.UserIDMapping)
	var mappings propertyMappings
	if len(d.PropertyMappings) > 0 && !isJSONNull(d.PropertyMappings) {
		r.decode("property_mappings", d.PropertyMappings, &mappings)
	}
	if d.SendEvents != nil && *d.SendEvents {
		s.Events = &BrazeEvents{EventProperties: mappings.EventProperties, UserProperties: mappings.UserProperties}
		if f := d.EventFilter; f != nil {
			s.Events.Events = nonNil(f.Events)
			if len(f.PropertyFilters) > 0 && !isJSONNull(f.PropertyFilters) {
				var filters propertyFilters
				r.decode("event_filter.property_filters", f.PropertyFilters, &filters)
				s.Events.Conditions = filters.Conditions
			}
		}
	}
	if d.SendUsers != nil && *d.SendUsers {
		s.UserProperties = nonNil(mappings.IdentifyUserProperties)
	}
	return s, r.err
}

// BrazeCohort is a "Braze (Cohort Sync)" destination's settings.
type BrazeCohort struct {
	Endpoint string
	// DataImportKey is never returned by Amplitude; empty on a read.
	DataImportKey      string
	UserAliasLabel     *string
	IdentifierMappings []IdentifierMapping
}

// Spec returns the destination write these settings make, named name.
func (s BrazeCohort) Spec(name string) DestinationSpec {
	return DestinationSpec{
		DisplayName: name,
		Kind:        []string{KindCohort},
		Config: map[string]json.RawMessage{
			BrazeParamAPIEndpoint:        mustJSON(s.Endpoint),
			BrazeParamDataImportKey:      mustJSON(s.DataImportKey),
			BrazeParamIdentifierMappings: mustJSON(s.IdentifierMappings),
			BrazeParamUserAliasLabel:     mustJSON(s.UserAliasLabel),
		},
	}
}

// BrazeCohortFrom reads a Braze cohort destination's settings.
func BrazeCohortFrom(d *Destination) (BrazeCohort, error) {
	var s BrazeCohort
	r := configReader{config: d.Config}
	r.read(BrazeParamAPIEndpoint, &s.Endpoint)
	r.read(BrazeParamUserAliasLabel, &s.UserAliasLabel)
	r.read(BrazeParamIdentifierMappings, &s.IdentifierMappings)
	return s, r.err
}

// configReader decodes config parameters, keeping the first error.
type configReader struct {
	config map[string]json.RawMessage
	err    error
}

func (r *configReader) read(id string, into any) {
	if raw, ok := r.config[id]; ok && !isJSONNull(raw) {
		r.decode("config."+id, raw, into)
	}
}

func (r *configReader) decode(field string, raw json.RawMessage, into any) {
	if r.err != nil {
		return
	}
	if err := json.Unmarshal(raw, into); err != nil {
		r.err = fmt.Errorf("the destination's %s has a shape this provider does not map (Amplitude answered %s): %w", field, snippet(raw), err)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// mustJSON encodes values that always encode: strings, bools, and structs
// of them.
func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
