package brazeapi

import (
	"encoding/json"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// state is the Braze workspace: everything the sandbox remembers of it.
// Adding an object kind means adding a slice here and to the seed, and to
// Count if GET /_sandbox/stats is to count it.
//
// The slices an object holds (a segment's tags, a key's permissions) are
// replaced, never changed in place, so a view built under the lock may
// share them after it is released. Scalar fields, such as an API key's
// last_seen_at, may be set in place under the lock.
type state struct {
	APIKeys []apiKey `json:"api_keys"`
	Apps    []app    `json:"apps"`
	// CustomAttributes and CustomEvents are kept in the order Braze lists
	// them.
	CustomAttributes []customAttribute `json:"custom_attributes"`
	CustomEvents     []customEvent     `json:"custom_events"`
	Segments         []segment         `json:"segments"`
}

// The state is the store's Part: these run under its lock.

func (st *state) Seed(now time.Time) { *st = seed(now) }

func (st *state) Save() any { return st }

func (st *state) Load(saved json.RawMessage) error { return core.LoadPart(st, saved) }

func (st *state) Count(counts map[string]int) {
	counts["api_keys"] = len(st.APIKeys)
	counts["custom_attributes"] = len(st.CustomAttributes)
}
