package sandbox

import "time"

// catchUp applies what simulated time has done by now. A user_property or
// computation sync that has run has written its Braze custom attribute,
// which "update[s] a Braze custom attribute of the same name"
// (amplitude.com/docs/data/audiences/third-party-syncs), creating it in the
// workspace if it was new. A cohort sync that has run has made a Braze
// segment named after the cohort, tagged amplitude, once whatever the
// number of syncs or runs, dated its run and with an id drawn from the
// cohort's, so a restarted sandbox derives the same. The store calls it
// before every access.
func (st *state) catchUp(now time.Time) {
	var written []customAttribute
	for i := range st.Syncs {
		s := &st.Syncs[i]
		ran := s.lastRun(now)
		if ran == nil {
			continue
		}
		if s.Kind == syncKindCohort {
			st.addCohortSegment(s.SourceID, *ran)
		}
		if s.BrazeAttribute == nil || st.hasCustomAttribute(*s.BrazeAttribute) {
			continue
		}
		written = append(written, customAttribute{Name: *s.BrazeAttribute, DataType: brazeDataType(st.sourceType(s))})
	}
	if len(written) > 0 {
		st.addCustomAttributes(written...)
	}
}

func (st *state) addCohortSegment(cohortID string, ran time.Time) {
	i := st.cohortByID(cohortID)
	if i < 0 || st.hasCohortSegment(st.Cohorts[i].Name) {
		return
	}
	st.addSegment(segment{
		ID:        nameUUID("braze segment of cohort " + cohortID),
		Name:      st.Cohorts[i].Name,
		Tags:      []string{cohortSegmentTag},
		CreatedAt: ran,
	})
}

// sourceType is the Amplitude type of the values a sync writes, nil if
// unknown (the source may have been deleted since).
func (st *state) sourceType(s *audienceSync) *string {
	switch s.Kind {
	case syncKindUserProperty:
		if i, found := st.userPropertyAt(s.SourceID); found {
			return st.UserProperties[i].DataType
		}
	case syncKindComputation:
		if i := st.computationByID(s.SourceID); i >= 0 {
			return &st.Computations[i].Type
		}
	}
	return nil
}
