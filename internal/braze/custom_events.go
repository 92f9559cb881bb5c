package braze

import "context"

// CustomEvent is one entry of GET /events
// (braze.com/docs/api/endpoints/export/custom_events/get_custom_events_data).
type CustomEvent struct {
	Name                      string   `json:"name"`
	Description               *string  `json:"description"`
	IncludedInAnalyticsReport bool     `json:"included_in_analytics_report"`
	Status                    string   `json:"status"`
	TagNames                  []string `json:"tag_names"`
}

// ListCustomEvents reads every custom event, 50 a page in alphabetical
// order. It reads them once per client, because GET /events shares an
// hourly limit of 1,000 requests with GET /custom_attributes. It needs the
// events.get permission.
func (c *Client) ListCustomEvents(ctx context.Context) ([]CustomEvent, error) {
	return c.customEvents.get(func() ([]CustomEvent, error) {
		return listByLink[CustomEvent](ctx, c, "/events", "events")
	})
}
