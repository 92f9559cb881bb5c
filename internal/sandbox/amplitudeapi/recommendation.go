package amplitudeapi

import "slices"

// recommendation is an Amplitude recommendation, a sync's source
// (amplitude.com/docs/data/audiences/third-party-syncs; the modelled syncs,
// api/amplitude-basic.openapi.yaml). They exist only as the seed made them:
// no endpoint changes them.
type recommendation struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func (st *state) recommendationByID(id string) int {
	return slices.IndexFunc(st.Recommendations, func(r recommendation) bool { return r.ID == id })
}
