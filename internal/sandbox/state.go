package sandbox

// state is everything the sandbox remembers, in both vendors' accounts. Adding
// an object kind means adding a slice here, to the seed and to objectCounts.
//
// Stored objects are replaced, never changed in place (except bookkeeping
// fields such as an API key's last_seen_at, read only under the store lock),
// so a view built under the lock may share their slices after it is released.
type state struct {
	// NextSeq orders objects by creation, which list cursors rely on.
	NextSeq int64 `json:"next_seq"`

	// Amplitude project.
	Project         project          `json:"project"`
	Destinations    []destination    `json:"destinations"`
	Syncs           []audienceSync   `json:"syncs"`
	UserProperties  []userProperty   `json:"user_properties"`
	Events          []event          `json:"events"`
	Computations    []computation    `json:"computations"`
	Recommendations []recommendation `json:"recommendations"`
	Cohorts         []cohort         `json:"cohorts"`

	// Braze workspace.
	APIKeys   []apiKey   `json:"api_keys"`
	BrazeApps []brazeApp `json:"braze_apps"`
	// CustomAttributes are kept in the order Braze lists them.
	CustomAttributes []customAttribute `json:"custom_attributes"`
}

func (st *state) nextSeq() int64 {
	st.NextSeq++
	return st.NextSeq
}

func (st *state) objectCounts() ObjectCounts {
	live := 0
	for i := range st.UserProperties {
		if !st.UserProperties[i].Deleted {
			live++
		}
	}
	return ObjectCounts{
		Destinations:     len(st.Destinations),
		Syncs:            len(st.Syncs),
		APIKeys:          len(st.APIKeys),
		UserProperties:   live,
		Cohorts:          len(st.Cohorts),
		CustomAttributes: len(st.CustomAttributes),
	}
}
