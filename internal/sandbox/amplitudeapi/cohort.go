package amplitudeapi

import (
	"slices"
	"time"
)

// A behavioral cohort, as GET /api/3/cohorts lists it
// (amplitude.com/docs/apis/analytics/behavioral-cohorts#get-all-cohorts).
// Cohorts are seeded, not made through the API.
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

// amplitudeAppID is the project's app id, which every cohort carries: the
// sandbox's one project (open point: Sandbox credentials, x-modelled in
// api/amplitude-developer.openapi.yaml).
const amplitudeAppID = 424242

// cohortView is the documented COHORT_OBJECT, less the fields the docs mark
// as internal or as set only on cohorts made from charts. Its timestamps are
// Unix seconds, as the docs' sample has them.
type cohortView struct {
	AppID             int                   `json:"appId"`
	Archived          bool                  `json:"archived"`
	Description       string                `json:"description"`
	Finished          bool                  `json:"finished"`
	ID                string                `json:"id"`
	Name              string                `json:"name"`
	Owners            []string              `json:"owners"`
	Viewers           []string              `json:"viewers"`
	Published         bool                  `json:"published"`
	Size              int64                 `json:"size"`
	Type              string                `json:"type"`
	LastMod           int64                 `json:"lastMod"`
	CreatedAt         int64                 `json:"createdAt"`
	LastComputed      int64                 `json:"lastComputed"`
	Hidden            bool                  `json:"hidden"`
	IsPredictive      bool                  `json:"is_predictive"`
	IsOfficialContent bool                  `json:"is_official_content"`
	ShortcutIDs       []string              `json:"shortcut_ids"`
	SyncMetadata      *[]cohortSyncMetadata `json:"syncMetadata,omitempty"`
}

// cohortSyncMetadata is the documented COHORT_SYNC_METADATA. Its timestamps
// are ISO-8601 strings with microseconds and an offset, as the docs' sample
// ("2023-03-21T16:09:58.848454-07:00") has them.
type cohortSyncMetadata struct {
	Target         string            `json:"target"`
	Frequency      string            `json:"frequency"`
	LastSuccessful *string           `json:"last_successful"`
	LastFailure    *string           `json:"last_failure"`
	Params         map[string]string `json:"params"`
}

const cohortSyncTimeLayout = "2006-01-02T15:04:05.000000-07:00"

// cohortSyncFrequencies are the documented frequencies ("support minute
// (real-time), hourly, daily") of the cadences that recur.
var cohortSyncFrequencies = map[string]string{
	cadenceRealtime: "minute",
	cadenceHourly:   "hourly",
	cadenceDaily:    "daily",
}

func (c *cohort) view() cohortView {
	return cohortView{
		AppID:        amplitudeAppID,
		Archived:     c.Archived,
		Description:  c.Description,
		Finished:     true,
		ID:           c.ID,
		Name:         c.Name,
		Owners:       c.Owners,
		Viewers:      []string{},
		Published:    true,
		Size:         c.Size,
		Type:         "redshift",
		LastMod:      c.LastMod.Unix(),
		CreatedAt:    c.CreatedAt.Unix(),
		LastComputed: c.LastComputed.Unix(),
		ShortcutIDs:  []string{},
	}
}

// syncMetadata describes the cohort's syncs "(one-time + disabled sync will
// be excluded)". Every cohort sync goes to a Braze (Cohort Sync)
// destination, hence the target; params name the sync and its destination.
func (st *state) syncMetadata(cohortID string, now time.Time) []cohortSyncMetadata {
	out := []cohortSyncMetadata{}
	for i := range st.Syncs {
		s := &st.Syncs[i]
		frequency, recurring := cohortSyncFrequencies[s.Cadence]
		if s.Kind != syncKindCohort || s.SourceID != cohortID || !s.Enabled || !recurring {
			continue
		}
		m := cohortSyncMetadata{
			Target:    "braze",
			Frequency: frequency,
			Params:    map[string]string{"sync_id": s.ID, "destination_id": s.DestinationID},
		}
		if ran := s.lastRun(now); ran != nil {
			at := ran.UTC().Format(cohortSyncTimeLayout)
			m.LastSuccessful = &at
		}
		out = append(out, m)
	}
	return out
}

func (st *state) cohortByID(id string) int {
	return slices.IndexFunc(st.Cohorts, func(c cohort) bool { return c.ID == id })
}
