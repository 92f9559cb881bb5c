package amplitudeapi

import (
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// An Amplitude Audiences sync
// (amplitude.com/docs/data/audiences/third-party-syncs), in the wire shape of
// api/amplitude-basic.openapi.yaml, modelled: it pushes one source to a Braze
// destination on a cadence.

const (
	syncKindUserProperty   = "user_property"
	syncKindComputation    = "computation"
	syncKindCohort         = "cohort"
	syncKindRecommendation = "recommendation"

	cadenceOneTime  = "one_time"
	cadenceHourly   = "hourly"
	cadenceDaily    = "daily"
	cadenceRealtime = "realtime"
)

var (
	syncKinds    = []string{syncKindUserProperty, syncKindComputation, syncKindCohort, syncKindRecommendation}
	syncCadences = []string{cadenceOneTime, cadenceHourly, cadenceDaily, cadenceRealtime}
)

// audienceSync is a stored sync. Its status and last run are not stored but
// computed from the clock (sync_schedule.go), so reads agree with each other
// for any fixed time.
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
	// sync writes, fixed at creation; nil for the other kinds.
	BrazeAttribute *string   `json:"braze_attribute"`
	CreatedAt      time.Time `json:"created_at"`
	// ScheduledAt is when the current schedule began: at creation, or at the
	// last change that enabled the sync or changed its cadence.
	ScheduledAt time.Time `json:"scheduled_at"`
	// RanAt is the last run before ScheduledAt, or a one-time sync's run.
	RanAt *time.Time `json:"ran_at"`
}

// syncView is a sync as every answer shows it.
type syncView struct {
	ID             string  `json:"id"`
	Name           string  `json:"name"`
	Kind           string  `json:"kind"`
	SourceID       string  `json:"source_id"`
	DestinationID  string  `json:"destination_id"`
	Cadence        string  `json:"cadence"`
	Enabled        bool    `json:"enabled"`
	BrazeAttribute *string `json:"braze_attribute"`
	Status         string  `json:"status"`
	LastRunAt      *string `json:"last_run_at"`
	CreatedAt      string  `json:"created_at"`
}

func (s *audienceSync) view(now time.Time) syncView {
	v := syncView{
		ID:             s.ID,
		Name:           s.Name,
		Kind:           s.Kind,
		SourceID:       s.SourceID,
		DestinationID:  s.DestinationID,
		Cadence:        s.Cadence,
		Enabled:        s.Enabled,
		BrazeAttribute: s.BrazeAttribute,
		Status:         s.status(now),
		CreatedAt:      core.FormatTime(s.CreatedAt),
	}
	if ran := s.lastRun(now); ran != nil {
		at := core.FormatTime(*ran)
		v.LastRunAt = &at
	}
	return v
}

func (st *state) syncByID(id string) int {
	return slices.IndexFunc(st.Syncs, func(s audienceSync) bool { return s.ID == id })
}

// syncByTriple finds the sync of kind from source to destination. The triple
// is unique, which is also how a client finds what a create whose response
// was lost made.
func (st *state) syncByTriple(kind, sourceID, destinationID string) int {
	return slices.IndexFunc(st.Syncs, func(s audienceSync) bool {
		return s.Kind == kind && s.SourceID == sourceID && s.DestinationID == destinationID
	})
}

// catchUp applies what simulated time has done by tx.Now(). A user_property or
// computation sync that has run has written its Braze custom attribute,
// which "update[s] a Braze custom attribute of the same name"
// (amplitude.com/docs/data/audiences/third-party-syncs), creating it in the
// workspace if it was new. A cohort sync that has run has made a Braze
// segment named after the cohort, tagged amplitude, once whatever the
// number of syncs or runs, dated its run and with an id drawn from the
// cohort's, so a restarted sandbox derives the same: the sandbox's model of
// what a cohort sync leaves in Braze, which neither vendor documents. The
// store calls it before every access (OnAccess).
func (a *API) catchUp(tx *core.Tx) {
	st := &a.state
	for i := range st.Syncs {
		s := &st.Syncs[i]
		ran := s.lastRun(tx.Now())
		if ran == nil {
			continue
		}
		if s.Kind == syncKindCohort {
			if c := st.cohortByID(s.SourceID); c >= 0 {
				a.braze.AddPartnerSegment(tx, core.NameUUID("braze segment of cohort "+s.SourceID), st.Cohorts[c].Name, cohortSegmentTag, *ran)
			}
		}
		if s.BrazeAttribute != nil {
			a.braze.WriteCustomAttribute(tx, *s.BrazeAttribute, brazeDataType(a.sourceType(tx, s)))
		}
	}
}

// cohortSegmentTag marks the Braze segments cohort syncs make.
const cohortSegmentTag = "amplitude"

// sourceType is the Amplitude type of the values a sync writes, nil if
// unknown (the source may have been deleted since).
func (a *API) sourceType(tx *core.Tx, s *audienceSync) *string {
	switch s.Kind {
	case syncKindUserProperty:
		if p, found := a.developer.UserProperty(tx, s.SourceID); found {
			return p.DataType
		}
	case syncKindComputation:
		if i := a.state.computationByID(s.SourceID); i >= 0 {
			return &a.state.Computations[i].Type
		}
	}
	return nil
}

// brazeDataType is the Braze type of an attribute holding values of an
// Amplitude data_type; enums and untyped values arrive as text. The types
// are Braze's custom attribute types, spelt as its export spells them
// (braze.com/docs/api/endpoints/export/custom_attributes/get_custom_attributes);
// the mapping is the sandbox's.
func brazeDataType(amplitudeType *string) string {
	switch {
	case amplitudeType == nil:
		return "String"
	case *amplitudeType == "number":
		return "Number"
	case *amplitudeType == "boolean":
		return "Boolean"
	case *amplitudeType == "object":
		return "Object"
	default:
		return "String"
	}
}
