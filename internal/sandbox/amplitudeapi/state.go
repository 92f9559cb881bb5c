package amplitudeapi

import (
	"net/http"
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// state is what the sandbox remembers of the project beyond the Developer
// API: its syncs, and the sources they sync. Computations, recommendations
// and cohorts exist as the seed made them: no endpoint changes them.
type state struct {
	// NextSeq orders syncs by creation, which list cursors rely on.
	NextSeq         int64            `json:"next_seq"`
	Syncs           []audienceSync   `json:"syncs"`
	Computations    []computation    `json:"computations"`
	Recommendations []recommendation `json:"recommendations"`
	Cohorts         []cohort         `json:"cohorts"`
}

// computation is an Amplitude computed property
// (amplitude.com/docs/data/audiences/third-party-syncs). A computation sync
// writes the Braze custom attribute named after it, so the seed names
// computations the way attributes are named.
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

// cohort is a behavioral cohort as the Behavioral Cohorts API lists it
// (amplitude.com/docs/apis/analytics/behavioral-cohorts#get-all-cohorts).
type cohort struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Description  string    `json:"description"`
	Size         int64     `json:"size"`
	Archived     bool      `json:"archived"`
	Owners       []string  `json:"owners"`
	CreatedAt    time.Time `json:"created_at"`
	LastMod      time.Time `json:"last_mod"`
	LastComputed time.Time `json:"last_computed"`
}

// Seed makes what the sandbox starts from and returns to on reset: the
// sources a real project would already have, and no syncs. Each cohort was
// made a month before the seed and last computed an hour before it.
func (st *state) Seed(now time.Time) {
	seeded := func(id, name, description string, size int64) cohort {
		created := now.Add(-30 * 24 * time.Hour).Truncate(time.Hour)
		return cohort{
			ID: id, Name: name, Description: description, Size: size, Owners: []string{"owner@sandbox.example"},
			CreatedAt: created, LastMod: created.Add(2 * time.Hour), LastComputed: now.Add(-time.Hour).Truncate(time.Hour),
		}
	}
	*st = state{
		Computations: []computation{
			{ID: "cmp_ltv_90d", Name: "cmp_ltv_90d", Type: "number"},
			{ID: "cmp_sessions_7d", Name: "cmp_sessions_7d", Type: "number"},
		},
		Recommendations: []recommendation{{ID: "rec_top_products", Name: "Top products"}},
		Cohorts: []cohort{
			seeded("coh_power_users", "Power users", "Active on 20 or more of the last 30 days", 18_250),
			seeded("coh_churn_risk", "Churn risk", "Paying users inactive for 14 days", 3_120),
		},
	}
}

// Count counts the objects for GET /_sandbox/stats.
func (st *state) Count(counts map[string]int) {
	counts["syncs"] = len(st.Syncs)
	counts["cohorts"] = len(st.Cohorts)
}

// index returns the position of the item whose id is id, or -1.
func index[T any](items []T, id string, idOf func(T) string) int {
	return slices.IndexFunc(items, func(item T) bool { return idOf(item) == id })
}

func cohortID(c cohort) string { return c.ID }

// view returns the cohort as the documented COHORT_OBJECT, without the
// fields the docs mark as internal or as set only on cohorts made from
// charts. Its times are Unix seconds, as in the docs' sample. Every cohort
// carries the app id of the sandbox's one project.
func (c *cohort) view() map[string]any {
	return map[string]any{
		"appId": 424242, "archived": c.Archived, "description": c.Description, "finished": true, "id": c.ID, "name": c.Name,
		"owners": c.Owners, "viewers": []string{}, "published": true, "size": c.Size, "type": "redshift",
		"lastMod": c.LastMod.Unix(), "createdAt": c.CreatedAt.Unix(), "lastComputed": c.LastComputed.Unix(),
		"hidden": false, "is_predictive": false, "is_official_content": false, "shortcut_ids": []string{},
	}
}

// listCohorts is the Behavioral Cohorts API's "Get all cohorts": every
// cohort in one answer, {"cohorts": [...]}, without the syncs' envelope.
// The docs describe syncMetadata only with includeSyncInfo=true and do not
// say what happens without it. The sandbox then leaves it out, the cheaper
// answer a real service would likely give.
func (a *API) listCohorts(w http.ResponseWriter, r *http.Request) {
	withSyncs := r.URL.Query().Get("includeSyncInfo") == "true"
	views := []map[string]any{}
	a.store.Read(func(tx *core.Tx) {
		for i := range a.state.Cohorts {
			v := a.state.Cohorts[i].view()
			if withSyncs {
				v["syncMetadata"] = a.state.syncMetadata(a.state.Cohorts[i].ID, tx.Now())
			}
			views = append(views, v)
		}
	})
	core.WriteJSON(w, http.StatusOK, map[string]any{"cohorts": views})
}

// cohortSyncFrequencies are the documented frequencies of a cohort's syncs
// ("minute (real-time), hourly, daily"), keyed by the sync cadences that
// recur. A one-time sync has no frequency.
var cohortSyncFrequencies = map[string]string{cadenceRealtime: "minute", cadenceHourly: "hourly", cadenceDaily: "daily"}

// syncMetadata returns the documented COHORT_SYNC_METADATA of the cohort's
// syncs. As documented, "one-time + disabled sync will be excluded". Every
// cohort sync goes to a Braze (Cohort Sync) destination, so the target is
// always braze; params name the sync and its destination. The times have
// microseconds and an offset, as in the docs' sample
// ("2023-03-21T16:09:58.848454-07:00").
func (st *state) syncMetadata(cohortID string, now time.Time) []map[string]any {
	out := []map[string]any{}
	for i := range st.Syncs {
		s := &st.Syncs[i]
		frequency, recurring := cohortSyncFrequencies[s.Cadence]
		if s.Kind != syncKindCohort || s.SourceID != cohortID || !s.Enabled || !recurring {
			continue
		}
		var lastSuccessful *string
		if ran := s.lastRun(now); ran != nil {
			at := ran.UTC().Format("2006-01-02T15:04:05.000000-07:00")
			lastSuccessful = &at
		}
		out = append(out, map[string]any{
			"target": "braze", "frequency": frequency, "last_successful": lastSuccessful, "last_failure": nil,
			"params": map[string]string{"sync_id": s.ID, "destination_id": s.DestinationID},
		})
	}
	return out
}
