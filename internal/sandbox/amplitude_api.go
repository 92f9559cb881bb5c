package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// amplitudeAPI speaks the conventions of Amplitude's Basic-auth APIs:
// {"success": true, "data": …} on success, {"success": false, "errors":
// [{"message"}]} on failure (the shape of Amplitude's Taxonomy API), and
// Retry-After on 429.
type amplitudeAPI struct {
	limit *window
}

type amplitudeMessage struct {
	Message string `json:"message"`
}

type amplitudeErrorBody struct {
	Success bool               `json:"success"`
	Errors  []amplitudeMessage `json:"errors"`
}

type amplitudeDataBody struct {
	Success bool `json:"success"`
	Data    any  `json:"data"`
}

type amplitudeListBody struct {
	Success    bool    `json:"success"`
	Data       any     `json:"data"`
	NextCursor *string `json:"next_cursor"`
}

func (amplitudeAPI) writeError(w http.ResponseWriter, _ *http.Request, e *apiError) {
	body := amplitudeErrorBody{Errors: make([]amplitudeMessage, len(e.messages))}
	for i, m := range e.messages {
		body.Errors[i] = amplitudeMessage{Message: m}
	}
	writeJSON(w, e.status, body)
}

// admit only speaks up when the rate-limit fault is on: Amplitude publishes
// no limits for the endpoints served here.
func (a amplitudeAPI) admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := a.limit.take(now)
	if admitted {
		return true
	}
	retryAfter := max(1, int(math.Ceil(q.reset.Sub(now).Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(q.reset.Unix(), 10))
	a.writeError(w, r, refuse(http.StatusTooManyRequests,
		"Too many requests: the limit is %d requests per second; retry after %d seconds", q.limit, retryAfter))
	return false
}

// errNotFound is the answer for an unknown object.
var errNotFound = refuse(http.StatusNotFound, "Not found")

func writeAmplitudeData(w http.ResponseWriter, data any) {
	writeJSON(w, http.StatusOK, amplitudeDataBody{Success: true, Data: data})
}

func writeAmplitudeList(w http.ResponseWriter, data any, nextCursor *string) {
	writeJSON(w, http.StatusOK, amplitudeListBody{Success: true, Data: data, NextCursor: nextCursor})
}

func writeAmplitudeSuccess(w http.ResponseWriter) {
	writeJSON(w, http.StatusOK, map[string]bool{"success": true})
}
