package brazeapi

import "net/http"

// Braze's export of custom events
// (braze.com/docs/api/endpoints/export/custom_events/get_custom_events_data):
// 50 events a page, sorted alphabetically, the next page only in the Link
// header, like the custom attributes' export, with which it shares its
// hourly limit.

const (
	customEventsPageSize = 50
	customEventsPath     = Path + "/events"
)

func (a *API) listCustomEvents(w http.ResponseWriter, r *http.Request) {
	// These links are absolute, on the host the request came to, where the
	// custom attributes' are host-relative. Braze sends both forms: its docs
	// show host-relative links for its cursor exports (see setPageLinks),
	// while its own MCP server (braze-mcp-server, braze_mcp/utils/http.py)
	// reads absolute ones, on the instance's host, from an export. Its docs
	// show neither for this export; api/braze.openapi.yaml allows both.
	servePage(a, w, r, requestOrigin(r)+customEventsPath, "events", customEventsPageSize,
		func(st *state) []customEvent { return st.CustomEvents }, (*customEvent).view)
}

// POST /_sandbox/custom_events adds custom events to the Braze workspace, as
// data arriving would: NOT a vendor API, never counted nor faulted. It
// takes the body of /_sandbox/custom_attributes, {"names": [...],
// "count": N}, skipping names that exist, and answers {"added": N,
// "custom_events": M}.

const generatedEventName = "sandbox_event_%05d"

func (a *API) addCustomEvents(w http.ResponseWriter, r *http.Request) {
	a.addNamed(w, r, "custom_events", func(req *namesRequest) (int, int) {
		names := req.all(generatedEventName, a.state.hasCustomEvent)
		a.state.addCustomEvents(names...)
		return len(names), len(a.state.CustomEvents)
	})
}
