package sandbox

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// brazeAPI speaks Braze's conventions (braze.com/docs/api/errors): a
// {"message": …} body, "success" or the fatal error, with "errors" listing
// the details; X-RateLimit-* headers on every response.
type brazeAPI struct {
	limit *window
}

type brazeErrorBody struct {
	Message string   `json:"message"`
	Errors  []string `json:"errors"`
}

func (brazeAPI) writeError(w http.ResponseWriter, _ *http.Request, e *apiError) {
	writeJSON(w, e.status, brazeErrorBody{Message: strings.Join(e.messages, "; "), Errors: e.messages})
}

func (b brazeAPI) admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := b.limit.take(now)
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(q.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(q.remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(q.reset.Unix(), 10))
	if !admitted {
		b.writeError(w, r, refuse(http.StatusTooManyRequests,
			"Rate Limited: over the limit of %d requests; retry after %s (X-RateLimit-Reset)", q.limit, q.reset.UTC().Format(time.RFC3339)))
	}
	return admitted
}

// writeBrazeSuccess answers {"message": "success"} plus the fields of extra.
func writeBrazeSuccess(w http.ResponseWriter, extra map[string]any) {
	body := map[string]any{"message": "success"}
	for k, v := range extra {
		body[k] = v
	}
	writeJSON(w, http.StatusOK, body)
}
