package amplitudeapi

import (
	"encoding/json"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// state is what the sandbox remembers of the project beyond the Developer
// API: its syncs, and the sources they sync. Adding an object kind means
// adding a slice here and to the seed, and to Count if GET /_sandbox/stats
// is to count it.
type state struct {
	// NextSeq orders syncs by creation, which list cursors rely on.
	NextSeq         int64            `json:"next_seq"`
	Syncs           []audienceSync   `json:"syncs"`
	Computations    []computation    `json:"computations"`
	Recommendations []recommendation `json:"recommendations"`
	Cohorts         []cohort         `json:"cohorts"`
}

func (st *state) nextSeq() int64 {
	st.NextSeq++
	return st.NextSeq
}

// read runs fn on the state under the store's lock.
func (a *API) read(fn func(*core.Tx, *state)) {
	a.store.Read(func(tx *core.Tx) { fn(tx, &a.state) })
}

// update runs fn on the state under the store's lock, and saves its change
// if it succeeds.
func (a *API) update(fn func(*core.Tx, *state) error) error {
	return a.store.Update(func(tx *core.Tx) error { return fn(tx, &a.state) })
}

// The state is the store's Part: these run under its lock.

func (st *state) Seed(now time.Time) { *st = seed(now) }

func (st *state) Save() any { return st }

func (st *state) Load(saved json.RawMessage) error { return core.LoadPart(st, saved) }

func (st *state) Count(counts map[string]int) {
	counts["syncs"] = len(st.Syncs)
	counts["cohorts"] = len(st.Cohorts)
}
