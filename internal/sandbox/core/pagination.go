package core

import (
	"encoding/base64"
	"strconv"
)

// Page is a list request: at most Limit objects created after the one the
// cursor named. A cursor holds a creation sequence number rather than an
// offset, so deleting objects between pages skips and repeats nothing.
type Page struct {
	After int64
	Limit int
}

// EncodeCursor returns the cursor of the page that starts after the object
// whose creation sequence number is seq.
func EncodeCursor(seq int64) *string {
	c := base64.RawURLEncoding.EncodeToString([]byte("seq:" + strconv.FormatInt(seq, 10)))
	return &c
}

// DecodeCursor reads a cursor that EncodeCursor made, and returns false for
// anything else.
func DecodeCursor(s string) (int64, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(raw) < 4 || string(raw[:4]) != "seq:" {
		return 0, false
	}
	seq, err := strconv.ParseInt(string(raw[4:]), 10, 64)
	return seq, err == nil && seq > 0
}

// PageOf returns the items of the page, in creation order, and the cursor
// of the next page, which is nil on the last page.
func PageOf[T any](items []T, seq func(T) int64, p Page) ([]T, *string) {
	var out []T
	for _, item := range items {
		if seq(item) <= p.After {
			continue
		}
		if len(out) == p.Limit {
			return out, EncodeCursor(seq(out[len(out)-1]))
		}
		out = append(out, item)
	}
	return out, nil
}
