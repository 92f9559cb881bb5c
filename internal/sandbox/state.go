package sandbox

// state is everything the sandbox remembers, in both vendors' accounts. Adding
// an object kind means adding a slice here and to the seed, and to
// objectCounts if GET /_sandbox/stats is to count it.
//
// The slices an object holds (a property's enum_values, a segment's tags)
// are replaced, never changed in place, so a view built under the lock may
// share them after it is released. Scalar fields, such as a soft delete's
// flag or an API key's last_seen_at, may be set in place under the lock.
type state struct {
	// NextSeq orders objects by creation, which list cursors rely on.
	NextSeq int64 `json:"next_seq"`

	// Amplitude project.
	Project         project          `json:"project"`
	Destinations    []destination    `json:"destinations"`
	Syncs           []audienceSync   `json:"syncs"`
	UserProperties  []userProperty   `json:"user_properties"`
	Events          []event          `json:"events"`
	EventProperties []eventProperty  `json:"event_properties"`
	Computations    []computation    `json:"computations"`
	Recommendations []recommendation `json:"recommendations"`
	Cohorts         []cohort         `json:"cohorts"`

	// IdempotencyKeys are the Developer API's keyed writes of the last 24
	// hours, by idempotencyID.
	IdempotencyKeys map[string]idempotencyRecord `json:"idempotency_keys"`

	// Braze workspace.
	APIKeys   []apiKey   `json:"api_keys"`
	BrazeApps []brazeApp `json:"braze_apps"`
	// CustomAttributes and CustomEvents are kept in the order Braze lists
	// them.
	CustomAttributes []customAttribute `json:"custom_attributes"`
	CustomEvents     []customEvent     `json:"custom_events"`
	Segments         []segment         `json:"segments"`
}

func (st *state) nextSeq() int64 {
	st.NextSeq++
	return st.NextSeq
}

// objectCounts counts live objects: soft-deleted ones are not.
func (st *state) objectCounts() ObjectCounts {
	return ObjectCounts{
		Destinations:     len(st.Destinations),
		Syncs:            len(st.Syncs),
		APIKeys:          len(st.APIKeys),
		UserProperties:   countLive(st.UserProperties, func(p userProperty) bool { return p.Deleted }),
		Events:           countLive(st.Events, func(e event) bool { return e.Deleted }),
		EventProperties:  countLive(st.EventProperties, func(p eventProperty) bool { return p.Deleted }),
		Cohorts:          len(st.Cohorts),
		CustomAttributes: len(st.CustomAttributes),
	}
}

func countLive[T any](items []T, deleted func(T) bool) int {
	n := 0
	for _, item := range items {
		if !deleted(item) {
			n++
		}
	}
	return n
}
