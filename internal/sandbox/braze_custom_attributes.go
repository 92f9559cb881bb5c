package sandbox

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Braze's export of custom attributes
// (braze.com/docs/api/endpoints/export/custom_attributes/get_custom_attributes):
// "The attributes are returned in groups of 50, sorted alphabetically", and
// "For more than 50 attributes, use the Link header to retrieve the data on
// the next page".

const (
	customAttributesPageSize = 50
	// customAttributesPath is where the sandbox serves the export; Link
	// headers carry it whole so that a client resolving them against the
	// host, as it must with Braze's host-relative links, lands back here.
	customAttributesPath = "/braze/custom_attributes"
)

func (s *Server) listCustomAttributes(w http.ResponseWriter, r *http.Request) {
	skip, err := parseSkipCursor(r)
	if err != nil {
		fail(s.brazeExports, w, r, err)
		return
	}
	var views []customAttributeView
	var total int
	s.store.read(func(st *state) {
		total = len(st.CustomAttributes)
		page := st.CustomAttributes[min(skip, total):min(skip+customAttributesPageSize, total)]
		views = make([]customAttributeView, len(page))
		for i := range page {
			views[i] = page[i].view()
		}
	})
	setPageLinks(w, customAttributesPath, skip, total, customAttributesPageSize)
	writeBrazeSuccess(w, map[string]any{"attributes": views})
}

// parseSkipCursor reads an export's cursor; none is the first page.
func parseSkipCursor(r *http.Request) (int, error) {
	cursor := r.URL.Query().Get("cursor")
	if cursor == "" {
		return 0, nil
	}
	skip, ok := decodeSkipCursor(cursor)
	if !ok {
		return 0, refuse(http.StatusBadRequest, "cursor %q is not valid: pass the cursor of a Link header's rel=\"next\" or rel=\"prev\"", cursor)
	}
	return skip, nil
}

// setPageLinks sets the Link header of an export's page, in the format
// Braze documents for its cursor exports
// (braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/get_catalog_items_details_bulk):
//
//	Link: </catalogs/all_restaurants/items?cursor=c2tpcDow>; rel="prev",</catalogs/all_restaurants/items?cursor=c2tpcDoxMDA=>; rel="next"
//
// with the rules stated there: no header when everything fits one page, no
// prev on the first page, no next on the last. base is the link up to the
// query.
func setPageLinks(w http.ResponseWriter, base string, skip, total, pageSize int) {
	if total <= pageSize {
		return
	}
	var links []string
	if skip > 0 {
		links = append(links, pageLink(base, max(0, skip-pageSize), "prev"))
	}
	if skip+pageSize < total {
		links = append(links, pageLink(base, skip+pageSize, "next"))
	}
	w.Header().Set("Link", strings.Join(links, ","))
}

func pageLink(base string, skip int, rel string) string {
	return fmt.Sprintf(`<%s?cursor=%s>; rel="%s"`, base, encodeSkipCursor(skip), rel)
}

// Braze's cursors, in its documented examples, are base64 of "skip:N"
// ("c2tpcDow" is skip:0, "c2tpcDoxMDA=" skip:100): an offset into the
// sorted list. The sandbox makes the same, so that an attribute added
// between two page reads shifts the pages as it would at Braze. Base64 of
// these strings holds letters, digits and "=", all safe in a query as is.
const skipCursorPrefix = "skip:"

func encodeSkipCursor(skip int) string {
	return base64.StdEncoding.EncodeToString([]byte(skipCursorPrefix + strconv.Itoa(skip)))
}

func decodeSkipCursor(cursor string) (int, bool) {
	raw, err := base64.StdEncoding.DecodeString(cursor)
	if err != nil {
		return 0, false
	}
	digits, found := strings.CutPrefix(string(raw), skipCursorPrefix)
	skip, err := strconv.Atoi(digits)
	return skip, found && err == nil && skip >= 0
}
