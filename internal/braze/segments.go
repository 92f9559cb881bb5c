package braze

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Segment is one entry of GET /segments/list
// (braze.com/docs/api/endpoints/export/segments/get_segment).
type Segment struct {
	ID                       string   `json:"id"`
	Name                     string   `json:"name"`
	AnalyticsTrackingEnabled bool     `json:"analytics_tracking_enabled"`
	Tags                     []string `json:"tags"`
}

// segmentsPageSize is how many segments Braze returns a page.
const segmentsPageSize = 100

// ListSegments reads every segment that is not archived, oldest first, 100
// a page, once per client. It needs the segments.list permission.
func (c *Client) ListSegments(ctx context.Context) ([]Segment, error) {
	return c.segments.get(func() ([]Segment, error) {
		var all []Segment
		pages := transport.NewCursors("GET /segments/list")
		for page := 0; ; page++ {
			var out struct {
				Segments []Segment `json:"segments"`
			}
			query := url.Values{"page": {strconv.Itoa(page)}, "sort_direction": {"asc"}}
			if _, err := c.do(ctx, http.MethodGet, "/segments/list", query, nil, &out); err != nil {
				return nil, err
			}
			all = append(all, out.Segments...)
			// Braze's answer does not say whether more pages follow, so a
			// page shorter than the page size is taken as the last.
			if len(out.Segments) < segmentsPageSize {
				return all, nil
			}
			if err := pages.Follow(strconv.Itoa(page + 1)); err != nil {
				return nil, err
			}
		}
	})
}
