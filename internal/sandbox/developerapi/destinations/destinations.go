// Package destinations is the destinations section of the sandbox's
// Developer API (amplitude.com/docs/apis/developer/destinations/): the
// destination types a destination can be made of, and the project's
// destinations, with their dry runs, versions and connection tests. The API
// has no delete. A destination goes away only when it is removed as a
// dashboard user would remove it, through DELETE
// /_sandbox/destinations/{id}; package amplitudeapi serves that endpoint,
// because the destination's syncs go with it.
//
// It serves them through package developerapi, which checks each request's
// shape against api/amplitude-developer.openapi.yaml. This package keeps
// what the document cannot say: the partners' rules (partners.yaml and
// partners.go), versions, dry-run plans, and a Braze destination's key,
// checked against the sandbox's Braze (credentials.go).
package destinations

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi/taxonomy"
)

// API is the destinations section: the project's destinations and the
// destination types.
type API struct {
	dev   *developerapi.API
	store *core.Store
	// state is touched only under the store's lock.
	state   state
	catalog []partner
	// braze is where a Braze destination's key is checked; taxonomy is the
	// tracking plan that an event filter's events should be in.
	braze    *brazeapi.API
	taxonomy *taxonomy.API
}

// New adds the destinations to the Developer API, with their part of the
// state ("destinations" in the state file).
func New(sb *core.Sandbox, dev *developerapi.API, braze *brazeapi.API, t *taxonomy.API) *API {
	a := &API{dev: dev, store: sb.Store(), catalog: partners(), braze: braze, taxonomy: t}
	a.store.AddPart("destinations", &a.state)
	dev.Serve(map[string]http.HandlerFunc{
		"listDestinationTypes": a.listDestinationTypes, "getDestinationType": a.getDestinationType,
		"listDestinations": a.listDestinations, "createDestination": a.createDestination, "getDestination": a.getDestination,
		"updateDestination": a.updateDestination, "testDestination": a.testDestination,
	})
	return a
}

// state holds the project's destinations, in creation order. The slices a
// destination holds are replaced, never changed in place, so a view built
// under the lock may share them after it is released.
type state struct {
	// NextSeq numbers destinations by creation, which list cursors rely on.
	NextSeq      int64         `json:"next_seq"`
	Destinations []destination `json:"destinations"`
}

// Seed leaves the project without destinations, which is how the sandbox
// starts.
func (st *state) Seed(time.Time) { *st = state{} }

// Count counts the objects for GET /_sandbox/stats.
func (st *state) Count(counts map[string]int) { counts["destinations"] = len(st.Destinations) }

// The kinds of destination. They make three families that cannot be mixed:
// event streaming (any of event and identify), cohort, and
// warehouse_export (create-a-destination, "kind"). kinds gives the order in
// which a destination's kind lists them. kind is a set, so the sandbox
// always answers it in this one order, whatever order it was sent in, and a
// client that compares lists sees no change where there is none. The vendor
// documents no order; this one is the sandbox's.
const (
	KindEvent    = "event"
	KindIdentify = "identify"
	KindCohort   = "cohort"

	// PartnerBraze is Braze's partner key (open point: Braze's partner key
	// and families).
	PartnerBraze = "braze"
)

var kinds = []string{KindEvent, KindIdentify, KindCohort, "warehouse_export"}

func family(kind string) string {
	if kind == KindEvent || kind == KindIdentify {
		return "event streaming"
	}
	return kind
}

// families lists the families of the kinds, each once.
func families(of []string) []string {
	var out []string
	for _, k := range of {
		if f := family(k); !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func streams(kind []string) bool {
	return len(kind) > 0 && !slices.ContainsFunc(kind, func(k string) bool { return family(k) != "event streaming" })
}

// destination is a stored destination, with its secrets in the clear (see
// get-a-destination).
type destination struct {
	ID string `json:"id"`
	// Seq orders destinations for list cursors.
	Seq         int64    `json:"seq"`
	Partner     string   `json:"partner"`
	DisplayName string   `json:"display_name"`
	Kind        []string `json:"kind"`
	// Config holds the parameters set, each value compact JSON in one
	// canonical form (canonicalJSON), so that equal values compare equal.
	Config map[string]json.RawMessage `json:"config"`
	// The event-streaming members. A destination of another kind always
	// holds fixed values here: enabled, sending nothing, with no filter and
	// no mappings.
	Enabled          bool              `json:"enabled"`
	EventFilter      *eventFilter      `json:"event_filter"`
	PropertyMappings *propertyMappings `json:"property_mappings"`
	SendEvents       bool              `json:"send_events"`
	SendUsers        bool              `json:"send_users"`
	// Version counts the changes, starting at 1. It is what If-Match
	// names.
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	CreatedBy string    `json:"created_by"`
	UpdatedBy string    `json:"updated_by"`
}

// eventFilter and propertyMappings are the sandbox's shapes of the vendor's
// free-form members (open point: Shapes of property_filters,
// property_mappings). The document checks requests against them. A
// destination without a filter forwards every event. Lists that were not
// sent are left out of answers, because the sandbox adds nothing to what it
// was given.
type eventFilter struct {
	Events          []string `json:"events"`
	PropertyFilters *struct {
		Conditions []struct {
			Property string   `json:"property"`
			Operator string   `json:"operator"`
			Values   []string `json:"values"`
		} `json:"conditions"`
	} `json:"property_filters,omitempty"`
}

type propertyMappings struct {
	EventProperties        []string `json:"event_properties,omitempty"`
	UserProperties         []string `json:"user_properties,omitempty"`
	IdentifyUserProperties []string `json:"identify_user_properties,omitempty"`
}

func (d *destination) streams() bool { return streams(d.Kind) }

// secret returns the stored value of a string parameter, such as a key.
func (d *destination) secret(id string) (string, bool) {
	var s string
	raw, ok := d.Config[id]
	return s, ok && json.Unmarshal(raw, &s) == nil
}

// decodedConfig returns the config with its values decoded, the form in
// which the partners' rules read them.
func (d *destination) decodedConfig() map[string]any {
	config := make(map[string]any, len(d.Config))
	for id, raw := range d.Config {
		var v any
		_ = json.Unmarshal(raw, &v) // Stored values are valid JSON.
		config[id] = v
	}
	return config
}

// canonicalJSON rewrites a JSON value compactly with object keys sorted;
// numbers keep their literal, so that none is rounded through a float64.
func canonicalJSON(raw json.RawMessage) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return raw
	}
	out, err := json.Marshal(v)
	if err != nil {
		return raw
	}
	return out
}

func (st *state) index(id string) int {
	return slices.IndexFunc(st.Destinations, func(d destination) bool { return d.ID == id })
}

// view returns a destination as every answer shows it (get-a-destination).
// Secrets are left out of its config, because they are write-only, as
// create-a-destination says (open point: Secrets on read). credential_status
// and paused are worked out when the view is made. paused is read-only, and
// the vendor does not say what pauses a stream; in the sandbox, an event
// stream that is not enabled is paused.
func (a *API) view(tx *core.Tx, d *destination) map[string]any {
	config := map[string]json.RawMessage{}
	for id, raw := range d.Config {
		if param := a.partnerOf(d.Partner).parameter(id); param == nil || !param.writeOnly() {
			config[id] = raw
		}
	}
	return map[string]any{
		"id": d.ID, "object": "destination", "project_id": developerapi.ProjectID, "partner": d.Partner,
		"display_name": d.DisplayName, "kind": d.Kind, "config": config, "credential_status": a.credentialStatus(tx, d),
		"version": d.Version, "enabled": d.Enabled, "paused": d.streams() && !d.Enabled, "event_filter": d.EventFilter,
		"property_mappings": d.PropertyMappings, "send_events": d.SendEvents, "send_users": d.SendUsers,
		"created_at": core.FormatTime(d.CreatedAt), "updated_at": core.FormatTime(d.UpdatedAt),
		"created_by": d.CreatedBy, "updated_by": d.UpdatedBy,
	}
}

// The functions below tell Amplitude's other APIs what they may learn of a
// destination, under the store's lock. Syncs send through a destination,
// and the delivery metrics report on one by its id.

// Destination is a destination as those APIs see it.
type Destination struct {
	DisplayName string
	Partner     string
	Kind        []string
}

// Streams reports whether the destination streams events.
func (d Destination) Streams() bool { return streams(d.Kind) }

// HasKind reports whether the destination's kind holds kind.
func (d Destination) HasKind(kind string) bool { return slices.Contains(d.Kind, kind) }

// Destination returns the destination with the given id, and false when
// there is none.
func (a *API) Destination(_ *core.Tx, id string) (Destination, bool) {
	i := a.state.index(id)
	if i < 0 {
		return Destination{}, false
	}
	d := &a.state.Destinations[i]
	return Destination{DisplayName: d.DisplayName, Partner: d.Partner, Kind: slices.Clone(d.Kind)}, true
}

// RemoveDestination removes a destination as someone in Amplitude's
// dashboard would, and reports false when there is none. Removing what
// sends through it is left to the caller.
func (a *API) RemoveDestination(_ *core.Tx, id string) bool {
	i := a.state.index(id)
	if i >= 0 {
		a.state.Destinations = slices.Delete(a.state.Destinations, i, i+1)
	}
	return i >= 0
}

// clone copies what a change may replace, so that a stored destination is
// never changed in place.
func (d destination) clone() destination {
	d.Kind = slices.Clone(d.Kind)
	d.Config = maps.Clone(d.Config)
	return d
}
