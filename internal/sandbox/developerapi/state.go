package developerapi

import (
	"encoding/json"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// state is the Amplitude project as its Developer API shows it: everything
// the sandbox remembers of it. Adding an object kind means adding a slice
// here and to the seed, and to Count if GET /_sandbox/stats is to count it.
//
// The slices an object holds (a property's enum_values, a destination's
// kind) are replaced, never changed in place, so a view built under the
// lock may share them after it is released. Scalar fields, such as a soft
// delete's flag, may be set in place under the lock.
type state struct {
	// NextSeq orders destinations by creation, which list cursors rely on.
	NextSeq int64 `json:"next_seq"`

	Project         project         `json:"project"`
	Destinations    []destination   `json:"destinations"`
	UserProperties  []userProperty  `json:"user_properties"`
	Events          []event         `json:"events"`
	EventProperties []eventProperty `json:"event_properties"`

	// IdempotencyKeys are the keyed writes of the last 24 hours, by
	// idempotencyID.
	IdempotencyKeys map[string]idempotencyRecord `json:"idempotency_keys"`

	// inFlight holds the Idempotency-Keys whose first request is still
	// being handled. It is not saved: a request in flight does not outlive
	// the process, and a reset or a load forgets it, as its answer belongs
	// to the state replaced.
	inFlight map[string]bool
}

func (st *state) nextSeq() int64 {
	st.NextSeq++
	return st.NextSeq
}

// read runs fn on the project under the store's lock.
func (a *API) read(fn func(*core.Tx, *state)) {
	a.store.Read(func(tx *core.Tx) { fn(tx, &a.state) })
}

// update runs fn on the project under the store's lock, and saves its
// change if it succeeds.
func (a *API) update(fn func(*core.Tx, *state) error) error {
	return a.store.Update(func(tx *core.Tx) error { return fn(tx, &a.state) })
}

// The state is the store's Part: these run under its lock.

func (st *state) Seed(now time.Time) { *st = seed(now) }

func (st *state) Save() any { return st }

func (st *state) Load(saved json.RawMessage) error { return core.LoadPart(st, saved) }

// Count counts live objects: soft-deleted ones are not.
func (st *state) Count(counts map[string]int) {
	counts["destinations"] = len(st.Destinations)
	counts["user_properties"] = countLive(st.UserProperties, func(p userProperty) bool { return p.Deleted })
	counts["events"] = countLive(st.Events, func(e event) bool { return e.Deleted })
	counts["event_properties"] = countLive(st.EventProperties, func(p eventProperty) bool { return p.Deleted })
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
