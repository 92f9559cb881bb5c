package brazeapi

import "slices"

// customEvent is a custom event of the Braze workspace, as GET /events
// exports it (braze.com/docs/api/endpoints/export/custom_events/get_custom_events_data).
// Braze makes them when data arrives; no endpoint the sandbox serves writes
// them. They are kept in the export's order, alphabetical.
type customEvent struct {
	Name                      string  `json:"name"`
	Description               *string `json:"description"`
	IncludedInAnalyticsReport bool    `json:"included_in_analytics_report"`
}

// customEventView is one element of the export's "events".
type customEventView struct {
	Name                      string  `json:"name"`
	Description               *string `json:"description"`
	IncludedInAnalyticsReport bool    `json:"included_in_analytics_report"`
	// Status is Active: the sandbox has no blocklist.
	Status   string   `json:"status"`
	TagNames []string `json:"tag_names"`
}

func (e *customEvent) view() customEventView {
	return customEventView{
		Name:                      e.Name,
		Description:               e.Description,
		IncludedInAnalyticsReport: e.IncludedInAnalyticsReport,
		Status:                    "Active",
		TagNames:                  []string{},
	}
}

func customEventName(e customEvent) string { return e.Name }

func (st *state) hasCustomEvent(name string) bool {
	_, found := searchNames(st.CustomEvents, name, customEventName)
	return found
}

// addCustomEvents adds the events whose names are new.
func (st *state) addCustomEvents(names ...string) {
	for _, name := range names {
		if i, found := searchNames(st.CustomEvents, name, customEventName); !found {
			st.CustomEvents = slices.Insert(st.CustomEvents, i, customEvent{Name: name})
		}
	}
}
