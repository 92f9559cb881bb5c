package brazeapi

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Braze's segment list
// (braze.com/docs/api/endpoints/export/segments/get_segment): 100 segments
// a page, numbered from 0, in creation order (sort_direction asc, the
// default) or its reverse (desc). Archived segments are left out. The docs
// do not say what a page past the end or a bad page or sort_direction
// answers: the sandbox's are an empty page and a 400.

const segmentsPageSize = 100

func (a *API) listSegments(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var p core.Problems
	page := 0
	if q.Has("page") {
		n, err := strconv.Atoi(q.Get("page"))
		if err != nil || n < 0 {
			p.Add("page %q must be a whole number from 0", q.Get("page"))
		}
		page = n
	}
	newestFirst := false
	if q.Has("sort_direction") {
		switch direction := q.Get("sort_direction"); direction {
		case "asc":
		case "desc":
			newestFirst = true
		default:
			p.Add("sort_direction %q must be asc or desc", direction)
		}
	}
	if err := p.Err(); err != nil {
		core.Fail(a.braze, w, r, err)
		return
	}
	views := []segmentView{}
	a.store.Read(func(*core.Tx) {
		for _, sg := range a.state.Segments {
			if !sg.Archived {
				views = append(views, sg.view())
			}
		}
	})
	if newestFirst {
		slices.Reverse(views)
	}
	start := min(page*segmentsPageSize, len(views))
	writeSuccess(w, map[string]any{"segments": views[start:min(start+segmentsPageSize, len(views))]})
}

// POST /_sandbox/segments adds segments to the Braze workspace, as someone
// in Braze's dashboard would: NOT a vendor API (Braze's REST API makes no
// segments), never counted nor faulted. It takes the body of
// /_sandbox/custom_attributes, {"names": [...], "count": N}; names a listed
// segment holds are skipped. The new segments are made now, so they list
// last, and have no tags. The answer: {"added": N, "segments": M}, M
// counting the listed segments.

const generatedSegmentName = "sandbox_segment_%05d"

func (a *API) addSegments(w http.ResponseWriter, r *http.Request) {
	a.addNamed(w, r, "segments", func(req *namesRequest) (int, int) {
		names := req.all(generatedSegmentName, a.state.hasListedSegment)
		now := a.sb.Now()
		for _, name := range names {
			a.state.addSegment(segment{ID: core.NewUUID(), Name: name, Tags: []string{}, CreatedAt: now})
		}
		listed := 0
		for _, sg := range a.state.Segments {
			if !sg.Archived {
				listed++
			}
		}
		return len(names), listed
	})
}
