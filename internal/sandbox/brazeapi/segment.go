package brazeapi

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Braze's segments, as GET /segments/list lists them
// (braze.com/docs/api/endpoints/export/segments/get_segment): 100 a page,
// numbered from 0, oldest first (sort_direction asc, the default) or newest
// first (desc), archived ones left out. The docs do not say what a page past
// the end answers: the sandbox's answer is an empty page. Segments are made
// in Braze's dashboard, or by partners such as Amplitude's cohort syncs; no
// endpoint the sandbox serves writes them.

const segmentsPageSize = 100

type segment struct {
	ID                       string    `json:"id"`
	Name                     string    `json:"name"`
	AnalyticsTrackingEnabled bool      `json:"analytics_tracking_enabled"`
	Tags                     []string  `json:"tags"`
	Archived                 bool      `json:"archived"`
	CreatedAt                time.Time `json:"created_at"`
}

// listSegments serves the list; the document has checked page and
// sort_direction.
func (a *API) listSegments(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	views := []map[string]any{}
	a.store.Read(func(*core.Tx) {
		for _, sg := range a.state.Segments {
			if !sg.Archived {
				views = append(views, map[string]any{
					"id": sg.ID, "name": sg.Name, "analytics_tracking_enabled": sg.AnalyticsTrackingEnabled, "tags": core.OrEmpty(sg.Tags),
				})
			}
		}
	})
	if q.Get("sort_direction") == "desc" {
		slices.Reverse(views)
	}
	start := min(page*segmentsPageSize, len(views))
	writeSuccess(w, map[string]any{"segments": views[start:min(start+segmentsPageSize, len(views))]})
}

// addSegment adds a segment in creation order, after those made at the
// same time.
func (st *state) addSegment(sg segment) {
	i, _ := slices.BinarySearchFunc(st.Segments, sg.CreatedAt, func(have segment, at time.Time) int {
		if have.CreatedAt.After(at) {
			return 1
		}
		return -1
	})
	st.Segments = slices.Insert(st.Segments, i, sg)
}

// AddPartnerSegment makes a segment in the workspace for a partner, as
// Amplitude's cohort syncs do. The segment is tagged tag and made only once,
// however many times the partner asks. The partner chooses the id, so that a
// restarted sandbox that makes the segment again gives it the same id.
func (a *API) AddPartnerSegment(_ *core.Tx, id, name, tag string, createdAt time.Time) {
	made := slices.ContainsFunc(a.state.Segments, func(sg segment) bool {
		return sg.Name == name && slices.Contains(sg.Tags, tag)
	})
	if !made {
		a.state.addSegment(segment{ID: id, Name: name, Tags: []string{tag}, CreatedAt: createdAt})
	}
}

// addSegments serves POST /_sandbox/segments, which adds segments as
// someone in Braze's dashboard would. The body is {"names": [...], "count":
// N}; a name that a listed (not archived) segment already has is skipped.
// The answer is {"added": N, "segments": M}, where M counts the listed
// segments. The new segments are made now, so they list last, and they have
// no tags.
func (a *API) addSegments(w http.ResponseWriter, r *http.Request) {
	a.addNamed(w, r, "segments", "sandbox_segment_%05d", func(name string) bool {
		if slices.ContainsFunc(a.state.Segments, func(sg segment) bool { return !sg.Archived && sg.Name == name }) {
			return false
		}
		a.state.addSegment(segment{ID: core.NewUUID(), Name: name, Tags: []string{}, CreatedAt: a.sb.Now()})
		return true
	}, func() int {
		listed := 0
		for _, sg := range a.state.Segments {
			if !sg.Archived {
				listed++
			}
		}
		return listed
	})
}
