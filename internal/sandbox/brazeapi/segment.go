package brazeapi

import (
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// segment is a segment of the Braze workspace, as GET /segments/list lists
// it (braze.com/docs/api/endpoints/export/segments/get_segment). Segments
// are made in Braze's dashboard, or by partners such as Amplitude's cohort
// syncs; no endpoint the sandbox serves writes them. They are kept in creation order.
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
	return segmentView{ID: sg.ID, Name: sg.Name, AnalyticsTrackingEnabled: sg.AnalyticsTrackingEnabled, Tags: core.OrEmpty(sg.Tags)}
}

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

// AddPartnerSegment is a partner making a segment in the workspace, as
// Amplitude's cohort syncs do: once, tagged tag, whatever the number of
// times the partner asks. The id is the partner's to draw, so a restarted
// sandbox that makes the segment again makes the same.
func (a *API) AddPartnerSegment(_ *core.Tx, id, name, tag string, createdAt time.Time) {
	made := slices.ContainsFunc(a.state.Segments, func(sg segment) bool {
		return sg.Name == name && slices.Contains(sg.Tags, tag)
	})
	if !made {
		a.state.addSegment(segment{ID: id, Name: name, Tags: []string{tag}, CreatedAt: createdAt})
	}
}
