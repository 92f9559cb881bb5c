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

// Braze's exports of custom attributes
// (braze.com/docs/api/endpoints/export/custom_attributes/get_custom_attributes)
// and custom events (braze.com/docs/api/endpoints/export/custom_events/get_custom_events_data):
// 50 a page, sorted alphabetically, the next page named only by the Link
// header. Braze makes both kinds of object when data arrives, so no vendor
// endpoint writes them; the control endpoints add them for tests, and
// Amplitude's syncs write attributes as they run.

const exportPageSize = 50

type customAttribute struct {
	Name string `json:"name"`
	// DataType is one of Braze's custom attribute types, spelt as the
	// export spells them: String, Number, Boolean, Object, ...
	DataType    string  `json:"data_type"`
	Description *string `json:"description"`
}

type customEvent struct {
	Name                      string  `json:"name"`
	Description               *string `json:"description"`
	IncludedInAnalyticsReport bool    `json:"included_in_analytics_report"`
}

func (c *customAttribute) view() map[string]any {
	// array_length is always null, because it applies only to array
	// attributes and the sandbox makes none. Every status is Active,
	// because the sandbox has no blocklist.
	return map[string]any{
		"name": c.Name, "data_type": c.DataType, "description": c.Description,
		"array_length": nil, "status": "Active", "tag_names": []string{},
	}
}

func (e *customEvent) view() map[string]any {
	return map[string]any{
		"name": e.Name, "description": e.Description, "included_in_analytics_report": e.IncludedInAnalyticsReport,
		"status": "Active", "tag_names": []string{},
	}
}

func (a *API) listCustomAttributes(w http.ResponseWriter, r *http.Request) {
	// Use host-relative links, as Braze's docs show them for its cursor
	// exports.
	servePage(a, w, r, Path+"/custom_attributes", "attributes", func(st *state) []customAttribute { return st.CustomAttributes }, (*customAttribute).view)
}

func (a *API) listCustomEvents(w http.ResponseWriter, r *http.Request) {
	// Use absolute links, on the host the request came to. Braze's docs
	// show neither form for this export, and Braze's own MCP server
	// (braze-mcp-server, braze_mcp/utils/http.py) reads absolute ones, so a
	// client must accept both forms. Serving one form per export makes a
	// client that accepts only one fail.
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	servePage(a, w, r, scheme+"://"+r.Host+Path+"/events", "events", func(st *state) []customEvent { return st.CustomEvents }, (*customEvent).view)
}

// servePage answers one page of an export. Under the store's lock it takes
// the items that all returns, at most exportPageSize of them from the
// request's cursor on, and shows each with view. The page goes into the
// answer under member, and the Link header points to the neighbouring pages
// at base.
func servePage[T any](a *API, w http.ResponseWriter, r *http.Request, base, member string, all func(*state) []T, view func(*T) map[string]any) {
	skip, ok := decodeSkipCursor(r.URL.Query().Get("cursor"))
	if !ok {
		// Braze's docs do not say how it answers a cursor it did not make;
		// the sandbox answers 400.
		core.Fail(a, w, r, core.Refuse(http.StatusBadRequest,
			"cursor %q is not valid: pass the cursor of a Link header's rel=\"next\" or rel=\"prev\"", r.URL.Query().Get("cursor")))
		return
	}
	views := []map[string]any{}
	var total int
	a.store.Read(func(*core.Tx) {
		items := all(&a.state)
		total = len(items)
		page := items[min(skip, total):min(skip+exportPageSize, total)]
		for i := range page {
			views = append(views, view(&page[i]))
		}
	})
	setPageLinks(w, base, skip, total)
	writeSuccess(w, map[string]any{member: views})
}

// setPageLinks sets the Link header in the format Braze documents for its
// cursor exports
// (braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/get_catalog_items_details_bulk):
// no header when everything fits one page, no prev on the first page and no
// next on the last.
func setPageLinks(w http.ResponseWriter, base string, skip, total int) {
	if total <= exportPageSize {
		return
	}
	link := func(skip int, rel string) string {
		return fmt.Sprintf(`<%s?cursor=%s>; rel="%s"`, base, encodeSkipCursor(skip), rel)
	}
	var links []string
	if skip > 0 {
		links = append(links, link(max(0, skip-exportPageSize), "prev"))
	}
	if skip+exportPageSize < total {
		links = append(links, link(skip+exportPageSize, "next"))
	}
	w.Header().Set("Link", strings.Join(links, ","))
}

// Braze's cursors, in its examples, are base64 of "skip:N" ("c2tpcDow" is
// skip:0): an offset into the sorted list. The sandbox makes the same, so
// that an attribute added between two page reads shifts the pages as it
// would at Braze. A request without a cursor gets the first page.
const skipCursorPrefix = "skip:"

func encodeSkipCursor(skip int) string {
	return base64.StdEncoding.EncodeToString([]byte(skipCursorPrefix + strconv.Itoa(skip)))
}

func decodeSkipCursor(cursor string) (int, bool) {
	if cursor == "" {
		return 0, true
	}
	raw, err := base64.StdEncoding.DecodeString(cursor)
	digits, found := strings.CutPrefix(string(raw), skipCursorPrefix)
	skip, atoiErr := strconv.Atoi(digits)
	return skip, err == nil && found && atoiErr == nil && skip >= 0
}

// compareNames gives the exports' alphabetical order. It compares names
// ignoring case first, so that "Plan" and "plan" sit together, and then by
// the exact name, so that the order is total. Braze does not document how
// it orders case; that part is the sandbox's choice.
func compareNames(a, b string) int {
	return cmp.Or(cmp.Compare(strings.ToLower(a), strings.ToLower(b)), cmp.Compare(a, b))
}

// insertByName adds item to items, keeping the exports' order, unless an
// item of the same name is already there. It reports whether it added the
// item.
func insertByName[T any](items *[]T, item T, name func(T) string) bool {
	i, found := slices.BinarySearchFunc(*items, name(item), func(have T, n string) int { return compareNames(name(have), n) })
	if !found {
		*items = slices.Insert(*items, i, item)
	}
	return !found
}

func attributeName(c customAttribute) string { return c.Name }

func eventName(e customEvent) string { return e.Name }

// WriteCustomAttribute records that a partner wrote the attribute name on
// users, as Amplitude's syncs do. Braze creates an attribute it has not seen
// before, with the Braze type of the values written, and keeps an existing
// one as it is.
func (a *API) WriteCustomAttribute(_ *core.Tx, name, dataType string) {
	insertByName(&a.state.CustomAttributes, customAttribute{Name: name, DataType: dataType}, attributeName)
}

// POST /_sandbox/custom_attributes and /_sandbox/custom_events add objects
// the way arriving data would, so that tests have enough to page through.
// The body is {"names": [...], "count": N}, and the answer is {"added": N,
// "custom_attributes": M} (or "custom_events"), where M counts all of
// them.

func (a *API) addCustomAttributes(w http.ResponseWriter, r *http.Request) {
	a.addNamed(w, r, "custom_attributes", "sandbox_attribute_%05d", func(name string) bool {
		return insertByName(&a.state.CustomAttributes, customAttribute{Name: name, DataType: "String"}, attributeName)
	}, func() int { return len(a.state.CustomAttributes) })
}

func (a *API) addCustomEvents(w http.ResponseWriter, r *http.Request) {
	a.addNamed(w, r, "custom_events", "sandbox_event_%05d", func(name string) bool {
		return insertByName(&a.state.CustomEvents, customEvent{Name: name}, eventName)
	}, func() int { return len(a.state.CustomEvents) })
}
