package developerapi

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// A destination of Amplitude's Developer API
// (amplitude.com/docs/apis/developer/destinations/create-a-destination and
// get-a-destination): one partner (destination_type.go), the kinds of data
// it receives, the partner's config, and for event streaming what is sent.

// The kinds of destination. They fall into three families that cannot be
// mixed: event streaming (any of event and identify), cohort, and
// warehouse_export (create-a-destination, "kind"). No partner of the
// sandbox serves warehouse_export.
const (
	KindEvent           = "event"
	KindIdentify        = "identify"
	KindCohort          = "cohort"
	KindWarehouseExport = "warehouse_export"
)

// destinationKinds are the kinds in the order a destination's kind lists
// them: kind is a set, so the sandbox answers it in one order whatever order
// it was sent in, and a client comparing lists sees no change that is not
// one. The vendor documents no order: this one is the sandbox's.
var destinationKinds = []string{KindEvent, KindIdentify, KindCohort, KindWarehouseExport}

// kindFamily names the family of a kind.
func kindFamily(kind string) string {
	switch kind {
	case KindEvent, KindIdentify:
		return "event streaming"
	}
	return kind
}

// writeOnlyShown stands for a secret wherever a value would show it: in a
// dry run's diff, as reads leave secrets out (open point: Secrets on read,
// x-modelled in api/amplitude-developer.openapi.yaml).
const writeOnlyShown = "(write-only)"

// destination is a stored destination, secrets in the clear.
type destination struct {
	ID string `json:"id"`
	// Seq orders destinations for list cursors.
	Seq         int64    `json:"seq"`
	Partner     string   `json:"partner"`
	DisplayName string   `json:"display_name"`
	Kind        []string `json:"kind"`
	// Config holds the parameters set, each value compact JSON in one
	// canonical form (canonicalJSON), so equal values compare equal.
	Config map[string]json.RawMessage `json:"config"`
	// The event-streaming fields; a cohort destination has their fixed
	// values (enabled, sending nothing, no filter nor mappings).
	Enabled          bool              `json:"enabled"`
	EventFilter      *eventFilter      `json:"event_filter"`
	PropertyMappings *propertyMappings `json:"property_mappings"`
	SendEvents       bool              `json:"send_events"`
	SendUsers        bool              `json:"send_users"`
	// Version counts the changes, from 1: the If-Match token.
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	CreatedBy string    `json:"created_by"`
	UpdatedBy string    `json:"updated_by"`
}

// eventFilter is which events an event stream forwards, at least one
// (create-a-destination); a destination without one forwards every event
// (open point: Shapes of property_filters, property_mappings, x-modelled in
// api/amplitude-developer.openapi.yaml).
type eventFilter struct {
	Events []string `json:"events"`
	// PropertyFilters is left out when absent: the vendor's schema does not
	// make it nullable.
	PropertyFilters *propertyFilters `json:"property_filters,omitempty"`
}

// propertyFilters and filterCondition are the sandbox's shape of the
// vendor's free-form property_filters (open point: Shapes of
// property_filters, property_mappings, x-modelled in
// api/amplitude-developer.openapi.yaml).
type propertyFilters struct {
	Conditions []filterCondition `json:"conditions"`
}

type filterCondition struct {
	Property string   `json:"property"`
	Operator string   `json:"operator"`
	Values   []string `json:"values"`
}

var filterOperators = []string{"is", "is_not", "contains", "greater_than", "less_than"}

// propertyMappings are the properties sent along: with each event, and as
// Braze attributes when a user changes (open point: Shapes of
// property_filters, property_mappings, x-modelled in
// api/amplitude-developer.openapi.yaml). Reads answer the lists as they were
// sent, leaving out those that were not: the vendor's schema leaves the
// object free-form, so the sandbox adds nothing to it.
type propertyMappings struct {
	EventProperties        []string `json:"event_properties,omitempty"`
	UserProperties         []string `json:"user_properties,omitempty"`
	IdentifyUserProperties []string `json:"identify_user_properties,omitempty"`
}

func (d *destination) streams() bool {
	return isStreamingKind(d.Kind)
}

// isStreamingKind reports whether kind is of the event-streaming family.
func isStreamingKind(kind []string) bool {
	return len(kind) > 0 && !slices.ContainsFunc(kind, func(k string) bool { return k != KindEvent && k != KindIdentify })
}

func (d *destination) hasKind(kind string) bool {
	return slices.Contains(d.Kind, kind)
}

// paused is read-only (get-a-destination). The vendor does not say what
// pauses a stream; the sandbox's answer: an event stream that is not
// enabled is paused.
func (d *destination) paused() bool {
	return d.streams() && !d.Enabled
}

// secret returns the stored value of a string parameter such as a key.
func (d *destination) secret(id string) (string, bool) {
	var s string
	raw, ok := d.Config[id]
	if !ok || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// decodedConfig is the config with values decoded as validation reads them.
func (d *destination) decodedConfig() map[string]any {
	config := make(map[string]any, len(d.Config))
	for id, raw := range d.Config {
		config[id] = decodeValue(raw)
	}
	return config
}

// clone copies what a change may replace, so a stored destination is never
// changed in place.
func (d destination) clone() destination {
	d.Kind = slices.Clone(d.Kind)
	d.Config = maps.Clone(d.Config)
	return d
}

// canonicalJSON rewrites a valid JSON value compactly with object keys
// sorted; numbers keep their literal.
func canonicalJSON(raw json.RawMessage) json.RawMessage {
	out, err := json.Marshal(decodeValue(raw))
	if err != nil {
		return raw // Unreachable for a value that decoded.
	}
	return out
}

// decodeValue decodes valid JSON with json.Number for numbers, so that no
// number is rounded through a float64.
func decodeValue(raw json.RawMessage) any {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	_ = dec.Decode(&v) // raw has been checked to be valid JSON.
	return v
}

func (st *state) destinationByID(id string) int {
	return slices.IndexFunc(st.Destinations, func(d destination) bool { return d.ID == id })
}

// destinationView is a destination as every answer shows it
// (get-a-destination): secrets left out of its config (write-only, as
// create-a-destination says; open point: Secrets on read, x-modelled in
// api/amplitude-developer.openapi.yaml), credential_status and paused
// derived.
type destinationView struct {
	ID               string                     `json:"id"`
	Object           string                     `json:"object"`
	ProjectID        string                     `json:"project_id"`
	Partner          string                     `json:"partner"`
	DisplayName      string                     `json:"display_name"`
	Kind             []string                   `json:"kind"`
	Config           map[string]json.RawMessage `json:"config"`
	CredentialStatus string                     `json:"credential_status"`
	Version          int                        `json:"version"`
	Enabled          bool                       `json:"enabled"`
	Paused           bool                       `json:"paused"`
	EventFilter      *eventFilter               `json:"event_filter"`
	PropertyMappings *propertyMappings          `json:"property_mappings"`
	SendEvents       bool                       `json:"send_events"`
	SendUsers        bool                       `json:"send_users"`
	CreatedAt        string                     `json:"created_at"`
	UpdatedAt        string                     `json:"updated_at"`
	CreatedBy        string                     `json:"created_by"`
	UpdatedBy        string                     `json:"updated_by"`
}

func (a *API) destinationView(tx *core.Tx, d *destination) destinationView {
	config := map[string]json.RawMessage{}
	partner := destinationTypeOf(d.Partner)
	for id, raw := range d.Config {
		if param := partner.parameter(id); param == nil || !param.writeOnly() {
			config[id] = raw
		}
	}
	return destinationView{
		ID:               d.ID,
		Object:           "destination",
		ProjectID:        ProjectID,
		Partner:          d.Partner,
		DisplayName:      d.DisplayName,
		Kind:             d.Kind,
		Config:           config,
		CredentialStatus: a.credentialStatus(tx, d),
		Version:          d.Version,
		Enabled:          d.Enabled,
		Paused:           d.paused(),
		EventFilter:      d.EventFilter,
		PropertyMappings: d.PropertyMappings,
		SendEvents:       d.SendEvents,
		SendUsers:        d.SendUsers,
		CreatedAt:        core.FormatTime(d.CreatedAt),
		UpdatedAt:        core.FormatTime(d.UpdatedAt),
		CreatedBy:        d.CreatedBy,
		UpdatedBy:        d.UpdatedBy,
	}
}

// What Amplitude's other APIs may learn of a destination, under the
// store's lock: syncs send through one, and the delivery metrics report on
// one, by its id.

// Destination is a destination as those APIs see it.
type Destination struct {
	DisplayName string
	Partner     string
	Kind        []string
}

// Streams reports whether the destination streams events: its kind is of
// the event-streaming family.
func (d Destination) Streams() bool { return isStreamingKind(d.Kind) }

// HasKind reports whether the destination's kind holds kind.
func (d Destination) HasKind(kind string) bool { return slices.Contains(d.Kind, kind) }

// Destination finds the project's destination id.
func (a *API) Destination(_ *core.Tx, id string) (Destination, bool) {
	i := a.state.destinationByID(id)
	if i < 0 {
		return Destination{}, false
	}
	d := &a.state.Destinations[i]
	return Destination{DisplayName: d.DisplayName, Partner: d.Partner, Kind: slices.Clone(d.Kind)}, true
}

// RemoveDestination removes a destination as someone in Amplitude's
// dashboard would (the Developer API has no delete), reporting false if
// there is none: the control endpoint DELETE /_sandbox/destinations/{id}'s
// work. What sends through it is the caller's to remove.
func (a *API) RemoveDestination(_ *core.Tx, id string) bool {
	i := a.state.destinationByID(id)
	if i < 0 {
		return false
	}
	a.state.Destinations = slices.Delete(a.state.Destinations, i, i+1)
	return true
}
