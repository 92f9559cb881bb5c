package sandbox

import (
	"net/http"
	"slices"
	"strconv"
)

// Braze's segment list
// (braze.com/docs/api/endpoints/export/segments/get_segment): 100 segments
// a page, numbered from 0, in creation order or its reverse; a page past the
// end is empty. Archived segments are left out.

const segmentsPageSize = 100

func (s *Server) listSegments(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var p problems
	page := 0
	if q.Has("page") {
		n, err := strconv.Atoi(q.Get("page"))
		if err != nil || n < 0 {
			p.add("page %q must be a whole number from 0", q.Get("page"))
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
			p.add("sort_direction %q must be asc or desc", direction)
		}
	}
	if err := p.err(); err != nil {
		fail(s.braze, w, r, err)
		return
	}
	views := []segmentView{}
	s.store.read(func(st *state) {
		for _, sg := range st.Segments {
			if !sg.Archived {
				views = append(views, sg.view())
			}
		}
	})
	if newestFirst {
		slices.Reverse(views)
	}
	start := min(page*segmentsPageSize, len(views))
	writeBrazeSuccess(w, map[string]any{"segments": views[start:min(start+segmentsPageSize, len(views))]})
}
