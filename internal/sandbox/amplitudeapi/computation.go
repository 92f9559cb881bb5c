package amplitudeapi

import "slices"

// computation is an Amplitude computed property, a sync's source
// (amplitude.com/docs/data/audiences/third-party-syncs; the modelled syncs,
// api/amplitude-basic.openapi.yaml). A computation sync writes the Braze
// custom attribute named after it, so the seed names computations the way
// attributes are named. Computations exist only as the seed made them: no
// endpoint changes them.
type computation struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Type is the type of the computed values, a property data_type.
	Type string `json:"type"`
}

func (st *state) computationByID(id string) int {
	return slices.IndexFunc(st.Computations, func(c computation) bool { return c.ID == id })
}
