package sandbox

import "time"

// catchUp applies what simulated time has done by now: a user_property or
// computation sync that has run has written its Braze custom attribute,
// which "update[s] a Braze custom attribute of the same name"
// (amplitude.com/docs/data/audiences/third-party-syncs), creating it in the
// workspace if it was new. The store calls it before every access.
func (st *state) catchUp(now time.Time) {
	var written []customAttribute
	for i := range st.Syncs {
		s := &st.Syncs[i]
		if s.BrazeAttribute == nil || st.hasCustomAttribute(*s.BrazeAttribute) || s.lastRun(now) == nil {
			continue
		}
		written = append(written, customAttribute{Name: *s.BrazeAttribute, DataType: brazeDataType(st.sourceType(s))})
	}
	if len(written) > 0 {
		st.addCustomAttributes(written...)
	}
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
