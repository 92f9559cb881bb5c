package developerapi

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The Developer API's lists take limit (from 1 to 200, 50 by default, as the
// document sets it) and the cursor of the previous page. The vendor's
// cursor is an offset into a search index that serves the first 10,000
// results of a query, and one past them is 400 pagination_not_supported
// (each list's page, e.g.
// amplitude.com/docs/apis/developer/destinations/list-destinations). The
// sandbox's cursors name the last object seen instead, so that objects
// added or removed between pages shift nothing. To keep the same window,
// the sandbox counts the objects before the cursor.
const (
	defaultPageSize = 50
	searchWindow    = 10_000
)

// NamePage is a list request over objects kept in name order: at most
// Limit objects whose names sort after After.
type NamePage struct {
	After string
	Limit int
}

// ParsePage reads a list request over objects numbered in creation order
// (core.EncodeCursor's cursors).
func ParsePage(q url.Values) (core.Page, error) {
	p := core.Page{Limit: limitOf(q)}
	var err error
	if q.Has("cursor") {
		var ok bool
		p.After, ok = core.DecodeCursor(q.Get("cursor"))
		err = badCursor(q, ok)
	}
	return p, err
}

// ParseNamePage reads a list request over objects kept in name order.
func ParseNamePage(q url.Values) (NamePage, error) {
	p := NamePage{Limit: limitOf(q)}
	var err error
	if q.Has("cursor") {
		raw, decodeErr := base64.RawURLEncoding.DecodeString(q.Get("cursor"))
		var found bool
		p.After, found = strings.CutPrefix(string(raw), nameCursorPrefix)
		err = badCursor(q, decodeErr == nil && found && p.After != "")
	}
	return p, err
}

func limitOf(q url.Values) int {
	if limit, err := strconv.Atoi(q.Get("limit")); err == nil {
		return limit
	}
	return defaultPageSize
}

func badCursor(q url.Values, valid bool) error {
	if valid {
		return nil
	}
	return RefuseField(http.StatusBadRequest, CodeValidationError, "cursor", core.ProblemInvalidValue,
		"cursor %q is not valid: pass the pagination.next_cursor of the previous page, with the same filters", q.Get("cursor"))
}

// PageOf is core.PageOf limited to the search window: a page may not start
// past the first window results.
func PageOf[T any](items []T, seq func(T) int64, p core.Page, window int) ([]T, *string, error) {
	skipped := 0
	for _, item := range items {
		if seq(item) <= p.After {
			skipped++
		}
	}
	if skipped >= window {
		return nil, nil, pastWindow(window)
	}
	out, next := core.PageOf(items, seq, p)
	return out, next, nil
}

// PageByName is PageOf for items sorted by name, whose cursors name the
// last item seen.
func PageByName[T any](items []T, name func(T) string, p NamePage, window int) ([]T, *string, error) {
	// The page starts at the first name after the cursor's. The first page
	// has no cursor, and every name sorts after the empty one.
	start, _ := slices.BinarySearchFunc(items, p.After, func(item T, after string) int {
		if name(item) <= after {
			return -1
		}
		return 1
	})
	if start >= window {
		return nil, nil, pastWindow(window)
	}
	rest := items[start:]
	if len(rest) <= p.Limit {
		return rest, nil, nil
	}
	out := rest[:p.Limit]
	next := base64.RawURLEncoding.EncodeToString([]byte(nameCursorPrefix + name(out[len(out)-1])))
	return out, &next, nil
}

const nameCursorPrefix = "name:"

func pastWindow(window int) error {
	return Refuse(http.StatusBadRequest, CodePaginationNotSupported,
		"cursor is past the first %d results this list can page through; narrow the query with its filters", window)
}
