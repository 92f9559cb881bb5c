package sandbox

import (
	"slices"
	"time"
)

// segment is a segment of the Braze workspace, as GET /segments/list lists
// it (braze.com/docs/api/endpoints/export/segments/get_segment). Segments
// are made in Braze's dashboard, or by Amplitude's cohort syncs; no
// endpoint the sandbox serves writes them. They are kept in creation order.
type segment struct {
	ID                       string   `json:"id"`
	Name                     string   `json:"name"`
	AnalyticsTrackingEnabled bool     `json:"analytics_tracking_enabled"`
	Tags                     []string `json:"tags"`
	// Archived segments are never listed.
	Archived  bool      `json:"archived"`
	CreatedAt time.Time `json:"created_at"`
}

type segmentView struct {
	ID                       string   `json:"id"`
	Name                     string   `json:"name"`
	AnalyticsTrackingEnabled bool     `json:"analytics_tracking_enabled"`
	Tags                     []string `json:"tags"`
}

func (sg *segment) view() segmentView {
	return segmentView{ID: sg.ID, Name: sg.Name, AnalyticsTrackingEnabled: sg.AnalyticsTrackingEnabled, Tags: orEmpty(sg.Tags)}
}

// cohortSegmentTag marks the segments Amplitude's cohort syncs make.
const cohortSegmentTag = "amplitude"

// addSegment adds a segment in creation order.
func (st *state) addSegment(sg segment) {
	i, _ := slices.BinarySearchFunc(st.Segments, sg.CreatedAt, func(have segment, at time.Time) int {
		if have.CreatedAt.After(at) {
			return 1
		}
		return -1
	})
	st.Segments = slices.Insert(st.Segments, i, sg)
}

// hasListedSegment reports whether a segment that is not archived has the
// name.
func (st *state) hasListedSegment(name string) bool {
	return slices.ContainsFunc(st.Segments, func(sg segment) bool { return !sg.Archived && sg.Name == name })
}

// hasCohortSegment reports whether a cohort sync has made a segment of the
// name.
func (st *state) hasCohortSegment(name string) bool {
	return slices.ContainsFunc(st.Segments, func(sg segment) bool {
		return sg.Name == name && slices.Contains(sg.Tags, cohortSegmentTag)
	})
}
