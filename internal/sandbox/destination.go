package sandbox

import (
	"slices"
	"time"
)

// An Amplitude destination: "Braze (Event Stream)" (type braze) or
// "Braze (Cohort Sync)" (type braze_cohort), in the wire shape of DESIGN.md
// §3.1.

const (
	destinationTypeBraze       = "braze"
	destinationTypeBrazeCohort = "braze_cohort"
)

// destinationSpec is the writable part of a destination, as a client sends
// it. Pointers and nil slices tell an absent field from an empty one, which
// validation needs: fields of the other type must be absent.
type destinationSpec struct {
	Type       string            `json:"type"`
	Name       string            `json:"name"`
	Enabled    *bool             `json:"enabled"`
	Config     destinationConfig `json:"config"`
	Mapping    *identityMapping  `json:"mapping,omitempty"`
	Mappings   []identityMapping `json:"mappings,omitempty"`
	SendEvents *sendEvents       `json:"send_events,omitempty"`
	SendUsers  *sendUsers        `json:"send_users,omitempty"`
}

type destinationConfig struct {
	Endpoint        string  `json:"endpoint"`
	APIKey          *string `json:"api_key,omitempty"`
	AppID           *string `json:"app_id,omitempty"`
	DataImportKey   *string `json:"data_import_key,omitempty"`
	UserAliasLabel  *string `json:"user_alias_label"`
	UpdateUsersOnly bool    `json:"update_users_only"`
}

// identityMapping maps an Amplitude user property to a Braze identifier.
type identityMapping struct {
	AmplitudeProperty string `json:"amplitude_property"`
	BrazeIdentifier   string `json:"braze_identifier"`
}

type sendEvents struct {
	AllEvents       bool          `json:"all_events"`
	Events          []string      `json:"events"`
	Filters         []eventFilter `json:"filters"`
	EventProperties []string      `json:"event_properties"`
	UserProperties  []string      `json:"user_properties"`
}

type eventFilter struct {
	Property string   `json:"property"`
	Operator string   `json:"operator"`
	Values   []string `json:"values"`
}

type sendUsers struct {
	UserProperties []string `json:"user_properties"`
}

// destinationRequest is a POST or PUT body. A client may echo back the
// read-only fields of a read; they are accepted and ignored.
type destinationRequest struct {
	destinationSpec
	ID        any `json:"id"`
	CreatedAt any `json:"created_at"`
	UpdatedAt any `json:"updated_at"`
}

// destination is a stored destination, secrets in the clear.
type destination struct {
	ID string `json:"id"`
	// Seq orders destinations for list cursors.
	Seq int64 `json:"seq"`
	destinationSpec
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// destinationView is a destination as reads answer it: secrets masked.
type destinationView struct {
	ID string `json:"id"`
	destinationSpec
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

func (d *destination) view() destinationView {
	spec := d.destinationSpec
	spec.Config.APIKey = mask(spec.Config.APIKey)
	spec.Config.DataImportKey = mask(spec.Config.DataImportKey)
	return destinationView{
		ID:              d.ID,
		destinationSpec: spec,
		CreatedAt:       formatTime(d.CreatedAt),
		UpdatedAt:       formatTime(d.UpdatedAt),
	}
}

const maskPrefix = "****"

// mask hides a secret but for its last four characters, enough for a person
// to tell keys apart.
func mask(secret *string) *string {
	if secret == nil {
		return nil
	}
	masked := maskPrefix + (*secret)[max(0, len(*secret)-4):]
	return &masked
}

// normalized fills in defaults and turns absent lists into empty ones, so
// that reads answer one shape whatever the client omitted.
func (spec destinationSpec) normalized() destinationSpec {
	if spec.Enabled == nil {
		enabled := true
		spec.Enabled = &enabled
	}
	if se := spec.SendEvents; se != nil {
		normal := *se
		normal.Events = orEmpty(normal.Events)
		normal.EventProperties = orEmpty(normal.EventProperties)
		normal.UserProperties = orEmpty(normal.UserProperties)
		normal.Filters = orEmpty(normal.Filters)
		for i := range normal.Filters {
			normal.Filters[i].Values = orEmpty(normal.Filters[i].Values)
		}
		spec.SendEvents = &normal
	}
	if su := spec.SendUsers; su != nil {
		spec.SendUsers = &sendUsers{UserProperties: orEmpty(su.UserProperties)}
	}
	return spec
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (st *state) destinationByID(id string) int {
	return slices.IndexFunc(st.Destinations, func(d destination) bool { return d.ID == id })
}

// destinationByName finds a destination by its name. Names are unique in a
// project, which is also how a client finds what a create whose response was
// lost made.
func (st *state) destinationByName(name string) int {
	return slices.IndexFunc(st.Destinations, func(d destination) bool { return d.Name == name })
}
