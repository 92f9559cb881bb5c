package braze

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sync"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// CustomAttribute is one entry of GET /custom_attributes
// (braze.com/docs/api/endpoints/export/custom_attributes).
type CustomAttribute struct {
	Name        string   `json:"name"`
	DataType    string   `json:"data_type"`
	Description *string  `json:"description"`
	Status      string   `json:"status"`
	ArrayLength *int64   `json:"array_length"`
	TagNames    []string `json:"tag_names"`
}

// ListCustomAttributes reads every custom attribute, 50 a page. It reads
// them once per client, however many data sources ask, because the endpoint
// shares an hourly limit of 1,000 requests with GET /events.
func (c *Client) ListCustomAttributes(ctx context.Context) ([]CustomAttribute, error) {
	return c.customAttributes.get(func() ([]CustomAttribute, error) {
		return listByLink[CustomAttribute](ctx, c, "/custom_attributes", "attributes")
	})
}

// listByLink reads a listing whose next page Braze names only in the Link
// header's rel="next"; field is the member of each page that holds the
// items.
func listByLink[T any](ctx context.Context, c *Client, path, field string) ([]T, error) {
	var all []T
	target := c.endpoint.JoinPath(path).String()
	pages := transport.NewCursors("GET " + path)
	for {
		var page map[string]json.RawMessage
		resp, err := c.doURL(ctx, http.MethodGet, target, nil, &page)
		if err != nil {
			return nil, err
		}
		var items []T
		if raw, ok := page[field]; ok {
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, fmt.Errorf("GET %s: decoding %s: %w", path, field, err)
			}
		}
		all = append(all, items...)
		next, ok, err := c.nextPage(path, resp.header.Get("Link"))
		if err != nil || !ok {
			return all, err
		}
		if err := pages.Follow(next); err != nil {
			return nil, err
		}
		target = next
	}
}

// nextPage reads the URL of the next page from a Link header. It refuses a
// URL on another origin than the REST endpoint's, because the API key is
// sent with every request and would go to that origin too.
func (c *Client) nextPage(path, header string) (string, bool, error) {
	next, ok := nextLink(header)
	if !ok {
		return "", false, nil
	}
	quoted := c.http.Redact(transport.RedactURL(next))
	// Braze's links are relative to the REST endpoint's host.
	u, err := c.endpoint.Parse(next)
	if err != nil {
		return "", false, fmt.Errorf("GET %s: bad Link header %q", path, quoted)
	}
	if !transport.SameOrigin(c.endpoint, u) {
		return "", false, fmt.Errorf("GET %s: the Link header points off the REST endpoint's scheme, host and port: %q", path, quoted)
	}
	return u.String(), true, nil
}

var linkEntry = regexp.MustCompile(`<([^>]*)>\s*;\s*rel="?([^",;]+)"?`)

// nextLink finds rel="next" in an RFC 8288 Link header such as
// `</custom_attributes?cursor=a>; rel="prev",</custom_attributes?cursor=b>; rel="next"`.
func nextLink(header string) (string, bool) {
	for _, m := range linkEntry.FindAllStringSubmatch(header, -1) {
		if m[2] == "next" {
			return m[1], true
		}
	}
	return "", false
}

// listing keeps the first complete answer of one listing for the life of
// the client. A failed read is not kept: the next caller tries again.
type listing[T any] struct {
	mu    sync.Mutex
	items []T
	done  bool
}

func (l *listing[T]) get(read func() ([]T, error)) ([]T, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.done {
		return l.items, nil
	}
	items, err := read()
	if err != nil {
		return nil, err
	}
	l.items, l.done = items, true
	return items, nil
}
