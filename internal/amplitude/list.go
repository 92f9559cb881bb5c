package amplitude

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// listAll follows next_cursor until the last page, and stops with an error
// when the server hands back a cursor it gave before.
func listAll[T any](ctx context.Context, c *Client, path string) ([]T, error) {
	var all []T
	query := url.Values{"limit": {strconv.Itoa(listPageSize)}}
	cursors := transport.NewCursors(http.MethodGet + " " + path)
	for {
		var page envelope[[]T]
		if err := c.do(ctx, request{method: http.MethodGet, path: path, query: query}, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Data...)
		if page.NextCursor == nil || *page.NextCursor == "" {
			return all, nil
		}
		if err := cursors.Follow(*page.NextCursor); err != nil {
			return nil, err
		}
		query.Set("cursor", *page.NextCursor)
	}
}

// listPageSize is the largest page the modeled list endpoints serve. Asking
// for it keeps a listing that answers a plan's reads to one request per 1000
// objects.
const listPageSize = 1000
