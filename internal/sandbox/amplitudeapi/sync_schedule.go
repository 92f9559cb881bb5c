package amplitudeapi

import "time"

// How a sync runs as simulated time passes, computed from the clock on every
// read rather than by a background job, so that a read at a given time always
// answers the same.
//
// Amplitude runs scheduled syncs "on an hourly or daily basis", real-time
// ones "every minute", and after the first two "future sync jobs run around
// the same time within the time period"
// (amplitude.com/docs/data/sync-cohorts-with-destinations). The sandbox runs
// them exactly one period apart, starting one period after the schedule
// begins: Amplitude's first run comes "right after Amplitude schedules it",
// but waiting a period lets clients see the scheduled state they must handle
// anyway. A one-time sync runs when it is saved enabled.

// Statuses a sync reports (the modelled sync's status,
// api/amplitude-basic.openapi.yaml).
const (
	syncScheduled = "scheduled" // enabled, waiting for its first run
	syncActive    = "active"    // has run, and runs again each period
	syncCompleted = "completed" // a one-time sync that has run
	syncPaused    = "paused"    // disabled
)

var cadencePeriods = map[string]time.Duration{
	cadenceRealtime: time.Minute,
	cadenceHourly:   time.Hour,
	cadenceDaily:    24 * time.Hour,
}

// lastRun is when the sync last ran by now, nil if never.
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

func (s *audienceSync) status(now time.Time) string {
	switch {
	case !s.Enabled:
		return syncPaused
	case s.Cadence == cadenceOneTime:
		return syncCompleted
	case s.lastRun(now) == nil:
		return syncScheduled
	default:
		return syncActive
	}
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
