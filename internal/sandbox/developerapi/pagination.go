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

// The Developer API's list parameters: limit from 1 to 200, 50 by default.
// A cursor is an offset into a search index that serves the first 10,000
// results of a query, and one past them is 400 pagination_not_supported
// (the cursor and limit parameters of every list, e.g.
// amplitude.com/docs/apis/developer/destinations/list-destinations). The
// sandbox's cursors name the last object seen instead, so objects added or
// removed between pages shift nothing, and the window is enforced by
// counting.
const (
	defaultPageSize = 50
	maxPageSize     = 200
	searchWindow    = 10_000
)

// parsePage reads limit and cursor; bad values are 400s located at the
// parameter.
func parsePage(q url.Values) (core.Page, error) {
	p := core.Page{}
	var ok bool
	err := parseList(q, &p.Limit, func(cursor string) bool {
		p.After, ok = core.DecodeCursor(cursor)
		return ok
	})
	return p, err
}

// namePage is a list request over objects kept in name order: at most
// limit objects whose names sort after after. Naming the last object seen,
// like a sequence number, skips and repeats nothing when objects come and
// go between pages.
type namePage struct {
	after string
	limit int
}

// parseNamePage is parsePage for a list in name order.
func parseNamePage(q url.Values) (namePage, error) {
	p := namePage{}
	var ok bool
	err := parseList(q, &p.limit, func(cursor string) bool {
		p.after, ok = decodeNameCursor(cursor)
		return ok
	})
	return p, err
}

// parseList reads limit into limit, and hands the cursor, if one is sent,
// to decode, which reports whether it is valid.
func parseList(q url.Values, limit *int, decode func(cursor string) bool) error {
	*limit = defaultPageSize
	var problems core.FieldProblems
	if q.Has("limit") {
		s := q.Get("limit")
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxPageSize {
			problems.Add("limit", problemInvalidValue, "limit %q must be a whole number from 1 to %d", s, maxPageSize)
		}
		*limit = n
	}
	if q.Has("cursor") {
		if s := q.Get("cursor"); !decode(s) {
			problems.Add("cursor", problemInvalidValue, "cursor %q is not valid: pass the pagination.next_cursor of the previous page, with the same filters", s)
		}
	}
	return problems.Err(http.StatusBadRequest, codeValidationError)
}

// pageOf is core.PageOf within the search window: a page may not start
// past the first window results of the (filtered) list.
func pageOf[T any](items []T, seq func(T) int64, p core.Page, window int) ([]T, *string, error) {
	skipped := 0
	for _, item := range items {
		if seq(item) <= p.After {
			skipped++
		}
	}
	if skipped >= window {
		return nil, nil, refuseWith(http.StatusBadRequest, codePaginationNotSupported,
			"cursor is past the first %d results this list can page through; narrow the query with its filters", window)
	}
	out, next := core.PageOf(items, seq, p)
	return out, next, nil
}

// pageByName is pageOf for items sorted by name, whose cursors name the
// last item seen.
func pageByName[T any](items []T, name func(T) string, p namePage, window int) ([]T, *string, error) {
	// Where the page starts: at the first name after the cursor's (every
	// name is after "", the first page's).
	start, _ := slices.BinarySearchFunc(items, p.after, func(item T, after string) int {
		if name(item) <= after {
			return -1
		}
		return 1
	})
	if start >= window {
		return nil, nil, refuseWith(http.StatusBadRequest, codePaginationNotSupported,
			"cursor is past the first %d results this list can page through; narrow the query with q", window)
	}
	rest := items[start:]
	if len(rest) <= p.limit {
		return rest, nil, nil
	}
	out := rest[:p.limit]
	return out, encodeNameCursor(name(out[len(out)-1])), nil
}

const nameCursorPrefix = "name:"

func encodeNameCursor(name string) *string {
	c := base64.RawURLEncoding.EncodeToString([]byte(nameCursorPrefix + name))
	return &c
}

func decodeNameCursor(s string) (string, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return "", false
	}
	name, found := strings.CutPrefix(string(raw), nameCursorPrefix)
	return name, found && name != ""
}
