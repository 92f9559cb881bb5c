package braze

import (
	"context"
	"fmt"
	"net/http"
	"regexp"

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

// ListCustomAttributes reads every custom attribute. Braze returns 50 a page
// and points to the next page only through the Link header's rel="next".
func (c *Client) ListCustomAttributes(ctx context.Context) ([]CustomAttribute, error) {
	var all []CustomAttribute
	target := c.endpoint.JoinPath("/custom_attributes").String()
	pages := transport.NewCursors("GET /custom_attributes")
	for {
		var page struct {
			Attributes []CustomAttribute `json:"attributes"`
		}
		resp, err := c.doURL(ctx, http.MethodGet, target, nil, &page)
		if err != nil {
			return nil, err
		}
		all = append(all, page.Attributes...)
		next, ok, err := c.nextPage(resp.header.Get("Link"))
		if err != nil || !ok {
			return all, err
		}
		if err := pages.Follow(next); err != nil {
			return nil, err
		}
		target = next
	}
}

// nextPage reads the URL of the next page from a Link header, and refuses
// one that leaves the REST endpoint's origin: the key goes with the request.
func (c *Client) nextPage(header string) (string, bool, error) {
	next, ok := nextLink(header)
	if !ok {
		return "", false, nil
	}
	quoted := c.http.Redact(transport.RedactURL(next))
	// Braze's links are relative to the REST endpoint's host.
	u, err := c.endpoint.Parse(next)
	if err != nil {
		return "", false, fmt.Errorf("GET /custom_attributes: bad Link header %q", quoted)
	}
	if !transport.SameOrigin(c.endpoint, u) {
		return "", false, fmt.Errorf("GET /custom_attributes: the Link header points off the REST endpoint's scheme, host and port: %q", quoted)
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
