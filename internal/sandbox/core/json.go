package core

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

// MaxBodyBytes is the largest request body the sandbox reads, past which it
// answers 413. Neither vendor documents a limit, so this one is the
// sandbox's own choice.
const MaxBodyBytes = 1 << 20

// DecodeJSON reads one JSON object into v, for the control endpoints, which
// no document describes. Unknown fields are refused: a caller that sends a
// misspelt or invented field should learn it here rather than have the
// field silently dropped.
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return Refuse(http.StatusBadRequest, "request body is empty; send a JSON object")
		}
		return Refuse(http.StatusBadRequest, "request body is not valid: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Refuse(http.StatusBadRequest, "request body has data after the JSON object")
	}
	return nil
}

// ReadJSON decodes into v a body that the API's document has already
// checked. Members that v does not know, which the document let through,
// are ignored.
func ReadJSON(r *http.Request, v any) error {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		return Refuse(http.StatusBadRequest, "request body is not valid: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return nil
}

// Member is a member of a request body that may be left out: Sent tells
// whether it was there, and Value holds it, the zero value for a null. A
// PATCH needs the difference: a member left out stays as it is, a null
// clears it.
type Member[T any] struct {
	Sent  bool
	Value T
}

// UnmarshalJSON is called by encoding/json for every member present in the
// body, a null one included, so Sent is true exactly when the member was
// sent.
func (m *Member[T]) UnmarshalJSON(data []byte) error {
	m.Sent = true
	return json.Unmarshal(data, &m.Value)
}

// SetTo sets *field to the member's value, if it was sent.
func (m Member[T]) SetTo(field *T) {
	if m.Sent {
		*field = m.Value
	}
}

// WriteJSON answers v as JSON with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // The client may be gone; nothing to do then.
}

// FormatTime writes a timestamp as RFC 3339 in UTC, to the second. That is
// the date-time form of the Developer API's created_at and updated_at
// (amplitude.com/docs/apis/developer), and the modelled objects' times use
// it too.
func FormatTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}

// OrEmpty returns an empty list for a nil one, because the vendors never
// answer a list as null.
func OrEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// BearerToken reads Authorization: Bearer <token>, which both Braze
// (braze.com/docs/api/basics) and the Developer API
// (amplitude.com/docs/apis/developer, "Authentication") take.
func BearerToken(r *http.Request) (string, bool) {
	scheme, token, found := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	return token, found && strings.EqualFold(scheme, "Bearer") && token != ""
}
