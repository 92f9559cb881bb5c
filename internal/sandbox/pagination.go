package sandbox

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
)

const (
	defaultPageSize = 100
	maxPageSize     = 1000
)

// page is a list request: at most limit objects created after the one the
// cursor names. A cursor holds a creation sequence number rather than an
// offset, so deleting objects between pages skips and repeats nothing.
type page struct {
	after int64
	limit int
}

func parsePage(q url.Values) (page, error) {
	p := page{limit: defaultPageSize}
	var problems problems
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxPageSize {
			problems.add("limit %q must be a whole number from 1 to %d", s, maxPageSize)
		}
		p.limit = n
	}
	if s := q.Get("cursor"); s != "" {
		after, ok := decodeCursor(s)
		if !ok {
			problems.add("cursor %q is not valid: pass the next_cursor of the previous page", s)
		}
		p.after = after
	}
	return p, problems.err()
}

// namePage is a list request over objects kept in name order: at most limit
// objects whose names sort after after. Naming the last object seen, like a
// sequence number, skips and repeats nothing when objects come and go
// between pages.
type namePage struct {
	after string
	limit int
}

func encodeCursor(seq int64) *string {
	c := base64.RawURLEncoding.EncodeToString([]byte("seq:" + strconv.FormatInt(seq, 10)))
	return &c
}

func decodeCursor(s string) (int64, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(raw) < 4 || string(raw[:4]) != "seq:" {
		return 0, false
	}
	seq, err := strconv.ParseInt(string(raw[4:]), 10, 64)
	return seq, err == nil && seq > 0
}

// pageOf returns the items of the page, in creation order, and the cursor of
// the next page, nil on the last.
func pageOf[T any](items []T, seq func(T) int64, p page) ([]T, *string) {
	var out []T
	for _, item := range items {
		if seq(item) <= p.after {
			continue
		}
		if len(out) == p.limit {
			return out, encodeCursor(seq(out[len(out)-1]))
		}
		out = append(out, item)
	}
	return out, nil
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
