package braze

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
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

// maxCustomAttributePages stops a server whose Link headers loop.
const maxCustomAttributePages = 10_000

// ListCustomAttributes reads every custom attribute. Braze returns 50 a page
// and points to the next page only through the Link header's rel="next".
func (c *Client) ListCustomAttributes(ctx context.Context) ([]CustomAttribute, error) {
	var all []CustomAttribute
	target := c.endpoint.JoinPath("/custom_attributes").String()
	for range maxCustomAttributePages {
		var page struct {
			Attributes []CustomAttribute `json:"attributes"`
		}
		resp, err := c.doURL(ctx, http.MethodGet, target, nil, &page)
		if err != nil {
			return nil, err
		}
		all = append(all, page.Attributes...)
		next, ok := nextLink(resp.header.Get("Link"))
		if !ok {
			return all, nil
		}
		// Braze's links are relative to the REST endpoint's host.
		u, err := c.endpoint.Parse(next)
		if err != nil {
			return nil, fmt.Errorf("GET /custom_attributes: bad Link header %q: %w", next, err)
		}
		if u.Host != c.endpoint.Host {
			return nil, fmt.Errorf("GET /custom_attributes: Link header points off the REST endpoint: %q", next)
		}
		target = u.String()
	}
	return nil, fmt.Errorf("GET /custom_attributes: more than %d pages; the Link headers may loop", maxCustomAttributePages)
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
