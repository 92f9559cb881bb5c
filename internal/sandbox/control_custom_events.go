package sandbox

import "net/http"

// POST /_sandbox/custom_events adds custom events to the Braze workspace, as
// data arriving would: NOT a vendor API, never counted nor faulted. It
// takes the body of /_sandbox/custom_attributes, {"names": [...],
// "count": N}, skipping names that exist, and answers {"added": N,
// "custom_events": M}.

const generatedEventName = "sandbox_event_%05d"

func (s *Server) addCustomEvents(w http.ResponseWriter, r *http.Request) {
	s.addNamed(w, r, "custom_events", func(st *state, req *namesRequest) (int, int) {
		names := req.all(generatedEventName, st.hasCustomEvent)
		st.addCustomEvents(names...)
		return len(names), len(st.CustomEvents)
	})
}
