package sandbox

import "time"

// The objects below are seeded and counted now; the endpoints that serve
// them (Taxonomy, Cohorts, syncs, Braze custom attributes) come later, so
// each type holds only what the seed needs. Extend them with their endpoints.

// userProperty is a custom user property of the Amplitude taxonomy; the
// Taxonomy API addresses it as gp:<name>.
type userProperty struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Type        string `json:"type"`
}

type event struct {
	Name string `json:"name"`
}

// computation, recommendation and cohort are the sources an Audiences sync
// can push to Braze.
type computation struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type recommendation struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type cohort struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// audienceSync is an Amplitude Audiences sync, stored in the wire shape of
// DESIGN.md §3.1.
type audienceSync struct {
	ID             string     `json:"id"`
	Name           string     `json:"name"`
	Kind           string     `json:"kind"`
	SourceID       string     `json:"source_id"`
	DestinationID  string     `json:"destination_id"`
	Cadence        string     `json:"cadence"`
	Enabled        bool       `json:"enabled"`
	BrazeAttribute string     `json:"braze_attribute"`
	Status         string     `json:"status"`
	LastRunAt      *time.Time `json:"last_run_at"`
	CreatedAt      time.Time  `json:"created_at"`
}

// brazeApp is an app of the Braze workspace; its id is the app identifier a
// Braze destination's config.app_id names.
type brazeApp struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Platform string `json:"platform"`
}

type customAttribute struct {
	Name     string `json:"name"`
	DataType string `json:"data_type"`
}
