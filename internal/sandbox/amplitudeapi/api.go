package amplitudeapi

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// vendor speaks the conventions of Amplitude's Basic-auth APIs:
// {"success": false, "errors": [{"message"}]} on failure, the error shape
// of Amplitude's Taxonomy API (amplitude.com/docs/apis/analytics/taxonomy),
// and {"success": true, "data": …} on success, the envelope of the
// modelled syncs (api/amplitude-basic.openapi.yaml). Amplitude documents
// no rate-limit header for these APIs: only the rate-limit fault's 429,
// the sandbox's own (core.Faults), says Retry-After and X-RateLimit-Reset.
type vendor struct {
	// limit is the rate-limit fault's window. The one limit Amplitude
	// publishes for these endpoints, the delivery metrics', is
	// deliveryLimits.
	limit *core.Window
}

type message struct {
	Message string `json:"message"`
}

type errorBody struct {
	Success bool      `json:"success"`
	Errors  []message `json:"errors"`
}

type dataBody struct {
	Success bool `json:"success"`
	Data    any  `json:"data"`
}

type listBody struct {
	Success    bool    `json:"success"`
	Data       any     `json:"data"`
	NextCursor *string `json:"next_cursor"`
}

func (vendor) WriteError(w http.ResponseWriter, _ *http.Request, e *core.APIError) {
	if e.Status == http.StatusTooManyRequests && e.RetryAfterSeconds > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfterSeconds))
	}
	body := errorBody{Errors: make([]message, len(e.Messages))}
	for i, m := range e.Messages {
		body.Errors[i] = message{Message: m}
	}
	core.WriteJSON(w, e.Status, body)
}

// Admit only speaks up when the rate-limit fault is on.
func (v vendor) Admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := v.limit.Take(now)
	if admitted {
		return true
	}
	retryAfter := q.RetryAfter(now)
	w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(q.Reset.Unix(), 10))
	tooMany := core.Refuse(http.StatusTooManyRequests,
		"Too many requests: the limit is %d requests per second; retry after %d seconds", q.Limit, retryAfter)
	tooMany.RetryAfterSeconds = retryAfter
	v.WriteError(w, r, tooMany)
	return false
}

// errNotFound is the answer for an unknown object: 404 "Not found", as the
// Taxonomy API answers one (amplitude.com/docs/apis/analytics/taxonomy).
var errNotFound = core.Refuse(http.StatusNotFound, "Not found")

func writeData(w http.ResponseWriter, data any) {
	core.WriteJSON(w, http.StatusOK, dataBody{Success: true, Data: data})
}

func writeList(w http.ResponseWriter, data any, nextCursor *string) {
	core.WriteJSON(w, http.StatusOK, listBody{Success: true, Data: data, NextCursor: nextCursor})
}

func writeSuccess(w http.ResponseWriter) {
	core.WriteJSON(w, http.StatusOK, map[string]bool{"success": true})
}

// The lists' parameters: limit from 1 to 1000, 100 by default, and the
// cursor of the previous page (listSyncs, modelled:
// api/amplitude-basic.openapi.yaml).
const (
	defaultPageSize = 100
	maxPageSize     = 1000
)

func parsePage(q url.Values) (core.Page, error) {
	p := core.Page{Limit: defaultPageSize}
	var problems core.Problems
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxPageSize {
			problems.Add("limit %q must be a whole number from 1 to %d", s, maxPageSize)
		}
		p.Limit = n
	}
	if s := q.Get("cursor"); s != "" {
		after, ok := core.DecodeCursor(s)
		if !ok {
			problems.Add("cursor %q is not valid: pass the next_cursor of the previous page", s)
		}
		p.After = after
	}
	return p, problems.Err()
}
