package amplitudeapi

import (
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// An Amplitude Audiences sync (amplitude.com/docs/data/audiences/third-party-syncs)
// pushes one source to a Braze destination on a cadence. Amplitude has no
// API for syncs; the sandbox models one (api/amplitude-basic.openapi.yaml).

const (
	syncKindUserProperty = "user_property"
	syncKindComputation  = "computation"
	syncKindCohort       = "cohort"

	cadenceOneTime  = "one_time"
	cadenceHourly   = "hourly"
	cadenceDaily    = "daily"
	cadenceRealtime = "realtime"
)

// audienceSync is a stored sync. Its status and last run are not stored
// but worked out from the clock, so that reads agree with each other at any
// fixed time.
type audienceSync struct {
	ID string `json:"id"`
	// Seq orders syncs for list cursors.
	Seq           int64  `json:"seq"`
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	SourceID      string `json:"source_id"`
	DestinationID string `json:"destination_id"`
	Cadence       string `json:"cadence"`
	Enabled       bool   `json:"enabled"`
	// BrazeAttribute is the custom attribute a user_property or computation
	// sync writes, fixed when it is made; nil for the other kinds.
	BrazeAttribute *string   `json:"braze_attribute"`
	CreatedAt      time.Time `json:"created_at"`
	// ScheduledAt is when the current schedule began: at creation, or at the
	// last change that enabled the sync or changed its cadence.
	ScheduledAt time.Time `json:"scheduled_at"`
	// RanAt is the last run before ScheduledAt, or a one-time sync's run.
	RanAt *time.Time `json:"ran_at"`
}

func (s *audienceSync) view(now time.Time) map[string]any {
	var lastRun *string
	if ran := s.lastRun(now); ran != nil {
		at := core.FormatTime(*ran)
		lastRun = &at
	}
	return map[string]any{
		"id": s.ID, "name": s.Name, "kind": s.Kind, "source_id": s.SourceID, "destination_id": s.DestinationID,
		"cadence": s.Cadence, "enabled": s.Enabled, "braze_attribute": s.BrazeAttribute,
		"status": s.status(now), "last_run_at": lastRun, "created_at": core.FormatTime(s.CreatedAt),
	}
}

func syncID(s audienceSync) string { return s.ID }

// cadencePeriods says how often a recurring sync runs as simulated time
// passes. Amplitude runs scheduled syncs "on an hourly or daily basis",
// real-time ones "every minute", and after the first two "future sync jobs
// run around the same time within the time period"
// (amplitude.com/docs/data/sync-cohorts-with-destinations). The sandbox runs
// them exactly one period apart, the first one period after the schedule
// begins. Amplitude's first run comes "right after Amplitude schedules it",
// but waiting a period makes clients meet the "scheduled" status, which
// they must handle anyway. A one-time sync runs when it is saved enabled.
var cadencePeriods = map[string]time.Duration{
	cadenceRealtime: time.Minute,
	cadenceHourly:   time.Hour,
	cadenceDaily:    24 * time.Hour,
}

// lastRun returns when the sync last ran up to now, or nil if it never ran.
func (s *audienceSync) lastRun(now time.Time) *time.Time {
	period, recurring := cadencePeriods[s.Cadence]
	if !s.Enabled || !recurring {
		return s.RanAt
	}
	runs := now.Sub(s.ScheduledAt) / period
	if runs < 1 {
		return s.RanAt
	}
	at := s.ScheduledAt.Add(runs * period)
	return &at
}

// status returns paused while the sync is disabled, completed once a
// one-time sync has run, scheduled until a recurring one first runs, and
// active after that.
func (s *audienceSync) status(now time.Time) string {
	switch {
	case !s.Enabled:
		return "paused"
	case s.Cadence == cadenceOneTime:
		return "completed"
	case s.lastRun(now) == nil:
		return "scheduled"
	}
	return "active"
}

// schedule sets the cadence and whether the sync is enabled. A change to
// either starts a new schedule, keeping the last run so far; a sync that
// becomes an enabled one-time sync runs at once.
func (s *audienceSync) schedule(cadence string, enabled bool, now time.Time) {
	if cadence == s.Cadence && enabled == s.Enabled {
		return
	}
	wasRunOnce := s.Enabled && s.Cadence == cadenceOneTime
	runsOnce := enabled && cadence == cadenceOneTime && !wasRunOnce
	s.RanAt = s.lastRun(now)
	s.Cadence, s.Enabled, s.ScheduledAt = cadence, enabled, now
	if runsOnce {
		s.RanAt = &now
	}
}

// catchUp applies what simulated time has done by tx.Now(); the store calls
// it before every access. A user_property or computation sync that has run
// has written its Braze custom attribute: it "update[s] a Braze custom
// attribute of the same name" (amplitude.com/docs/data/audiences/third-party-syncs),
// which Braze makes if it is new. A cohort sync that has run has made a
// Braze segment named after the cohort and tagged amplitude. There is one
// such segment per cohort, however many syncs or runs there are; it is
// dated by the run, and its id is derived from the cohort's, so that a
// restarted sandbox derives the same segment. What a cohort sync leaves in
// Braze is the sandbox's model: neither vendor documents it.
func (a *API) catchUp(tx *core.Tx) {
	st := &a.state
	for i := range st.Syncs {
		s := &st.Syncs[i]
		ran := s.lastRun(tx.Now())
		if ran == nil {
			continue
		}
		if c := index(st.Cohorts, s.SourceID, cohortID); s.Kind == syncKindCohort && c >= 0 {
			a.braze.AddPartnerSegment(tx, core.NameUUID("braze segment of cohort "+s.SourceID), st.Cohorts[c].Name, "amplitude", *ran)
		}
		if s.BrazeAttribute != nil {
			a.braze.WriteCustomAttribute(tx, *s.BrazeAttribute, brazeDataType(a.sourceType(tx, s)))
		}
	}
}

// sourceType returns the Amplitude type of the values a sync writes, or nil
// if it is unknown (the source may have been deleted since).
func (a *API) sourceType(tx *core.Tx, s *audienceSync) *string {
	switch s.Kind {
	case syncKindUserProperty:
		if p, found := a.taxonomy.UserProperty(tx, s.SourceID); found {
			return p.DataType
		}
	case syncKindComputation:
		if i := index(a.state.Computations, s.SourceID, func(c computation) string { return c.ID }); i >= 0 {
			return &a.state.Computations[i].Type
		}
	}
	return nil
}

// brazeDataType returns the Braze custom attribute type for values of an
// Amplitude data_type, spelt as Braze's export spells it
// (braze.com/docs/api/endpoints/export/custom_attributes/get_custom_attributes).
// Enums and untyped values arrive as text (String). The mapping is the
// sandbox's own choice.
func brazeDataType(amplitudeType *string) string {
	if amplitudeType != nil {
		if t, ok := map[string]string{"number": "Number", "boolean": "Boolean", "object": "Object"}[*amplitudeType]; ok {
			return t
		}
	}
	return "String"
}

// syncByTriple returns the position of the sync of kind from source to
// destination, or -1. The triple is unique, so a client whose create lost
// its answer can find the sync that create made.
func (st *state) syncByTriple(kind, sourceID, destinationID string) int {
	return slices.IndexFunc(st.Syncs, func(s audienceSync) bool {
		return s.Kind == kind && s.SourceID == sourceID && s.DestinationID == destinationID
	})
}
