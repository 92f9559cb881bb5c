package sandbox

import "net/http"

// POST /_sandbox/segments adds segments to the Braze workspace, as someone
// in Braze's dashboard would: NOT a vendor API (Braze's REST API makes no
// segments), never counted nor faulted. It takes the body of
// /_sandbox/custom_attributes, {"names": [...], "count": N}; names a listed
// segment holds are skipped. The new segments are made now, so they list
// last, and have no tags. The answer: {"added": N, "segments": M}, M
// counting the listed segments.

const generatedSegmentName = "sandbox_segment_%05d"

func (s *Server) addSegments(w http.ResponseWriter, r *http.Request) {
	s.addNamed(w, r, "segments", func(st *state, req *namesRequest) (int, int) {
		names := req.all(generatedSegmentName, st.hasListedSegment)
		now := s.now()
		for _, name := range names {
			st.addSegment(segment{ID: newUUID(), Name: name, Tags: []string{}, CreatedAt: now})
		}
		listed := 0
		for _, sg := range st.Segments {
			if !sg.Archived {
				listed++
			}
		}
		return len(names), listed
	})
}
