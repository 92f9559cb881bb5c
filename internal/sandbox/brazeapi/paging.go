package brazeapi

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// What Braze's exports of custom attributes and custom events share: their
// alphabetical order, and pages whose next one only the Link header names.

// compareNames is the order of Braze's exports, "sorted alphabetically"
// (braze.com/docs/api/endpoints/export/custom_attributes/get_custom_attributes,
// and custom_events/get_custom_events_data): letters before case, so "Plan"
// and "plan" sit together; the exact name breaks ties so the order is total.
// How Braze orders case is not documented: that part is the sandbox's.
func compareNames(a, b string) int {
	if c := cmp.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

// searchNames finds where name is, or would go, in items in the exports'
// order.
func searchNames[T any](items []T, name string, nameOf func(T) string) (int, bool) {
	return slices.BinarySearchFunc(items, name, func(item T, name string) int {
		return compareNames(nameOf(item), name)
	})
}

// servePage answers one page of an export: of the items all lists, under the
// store's lock, pageSize from the request's cursor on, each shown by view,
// as the answer's member, with the Link header to the neighbouring pages on
// base (setPageLinks).
func servePage[T, V any](a *API, w http.ResponseWriter, r *http.Request, base, member string, pageSize int,
	all func(*state) []T, view func(*T) V) {
	skip, err := parseSkipCursor(r)
	if err != nil {
		core.Fail(a.exports, w, r, err)
		return
	}
	var views []V
	var total int
	a.store.Read(func(*core.Tx) {
		items := all(&a.state)
		total = len(items)
		page := items[min(skip, total):min(skip+pageSize, total)]
		views = make([]V, len(page))
		for i := range page {
			views[i] = view(&page[i])
		}
	})
	setPageLinks(w, base, skip, total, pageSize)
	writeSuccess(w, map[string]any{member: views})
}

// parseSkipCursor reads an export's cursor; none is the first page. The docs
// give no answer to a cursor Braze did not make: the sandbox's is a 400.
func parseSkipCursor(r *http.Request) (int, error) {
	cursor := r.URL.Query().Get("cursor")
	if cursor == "" {
		return 0, nil
	}
	skip, ok := decodeSkipCursor(cursor)
	if !ok {
		return 0, core.Refuse(http.StatusBadRequest, "cursor %q is not valid: pass the cursor of a Link header's rel=\"next\" or rel=\"prev\"", cursor)
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

// requestOrigin is the scheme and host the request was sent to.
func requestOrigin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
