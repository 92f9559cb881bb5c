package sandbox

import "net/http"

// Braze's export of custom events
// (braze.com/docs/api/endpoints/export/custom_events/get_custom_events_data):
// 50 events a page, sorted alphabetically, the next page only in the Link
// header, like the custom attributes' export, with which it shares its
// hourly limit.

const (
	customEventsPageSize = 50
	customEventsPath     = "/braze/events"
)

func (s *Server) listCustomEvents(w http.ResponseWriter, r *http.Request) {
	skip, err := parseSkipCursor(r)
	if err != nil {
		fail(s.brazeExports, w, r, err)
		return
	}
	var views []customEventView
	var total int
	s.store.read(func(st *state) {
		total = len(st.CustomEvents)
		page := st.CustomEvents[min(skip, total):min(skip+customEventsPageSize, total)]
		views = make([]customEventView, len(page))
		for i := range page {
			views[i] = page[i].view()
		}
	})
	// The contract has these links absolute, on the host the request came
	// to; clients resolve them against their REST endpoint either way.
	setPageLinks(w, requestOrigin(r)+customEventsPath, skip, total, customEventsPageSize)
	writeBrazeSuccess(w, map[string]any{"events": views})
}

// requestOrigin is the scheme and host the request was sent to.
func requestOrigin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
