package sandbox

import "slices"

// The objects below exist only as the seed made them: no endpoint changes
// them. Syncs name computations and recommendations as their sources, and a
// Braze destination's config.app_id names a Braze app.

// computation is an Amplitude computed property. A computation sync writes
// the Braze custom attribute named after it, so the seed names computations
// the way attributes are named.
type computation struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Type is the type of the computed values, a property data_type.
	Type string `json:"type"`
}

type recommendation struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// brazeApp is an app of the Braze workspace; its id is the app identifier a
// Braze destination's config.app_id names.
type brazeApp struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Platform string `json:"platform"`
}

func (st *state) computationByID(id string) int {
	return slices.IndexFunc(st.Computations, func(c computation) bool { return c.ID == id })
}

func (st *state) recommendationByID(id string) int {
	return slices.IndexFunc(st.Recommendations, func(r recommendation) bool { return r.ID == id })
}
