package sandbox

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

const maxBodyBytes = 1 << 20

// decodeJSON reads one JSON object into v. Unknown fields are refused: a
// client that sends a misspelt or invented field should learn it here rather
// than have the field silently dropped.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return refuse(http.StatusBadRequest, "request body is empty; send a JSON object")
		}
		return refuse(http.StatusBadRequest, "request body is not valid: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return refuse(http.StatusBadRequest, "request body has data after the JSON object")
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // The client may be gone; nothing to do then.
}

// formatTime writes a timestamp as both vendors do: RFC 3339, UTC, to the
// second.
func formatTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}
