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
	// fault is the rate-limit fault's window, one for every Braze endpoint;
	// its limit is 0 (admitting everything) while the fault is off.
	fault *window
	// limit is the endpoints' own hourly limit
	// (braze.com/docs/api/api_limits): Braze's default, or a limit a group
	// of endpoints shares.
	limit *window
}

// Braze's hourly limits (braze.com/docs/api/api_limits): a default for the
// endpoints without their own, and one that the exports of custom
// attributes, custom events and products share.
const (
	brazeDefaultLimit = 250_000
	brazeExportLimit  = 1_000
)

type brazeErrorBody struct {
	Message string   `json:"message"`
	Errors  []string `json:"errors"`
}

func (brazeAPI) writeError(w http.ResponseWriter, _ *http.Request, e *apiError) {
	writeJSON(w, e.status, brazeErrorBody{Message: strings.Join(e.messages, "; "), Errors: e.messages})
}

// admit takes a request from the fault's window, then from the endpoint's
// own. The headers report the fault's window while the fault is on, since
// it is the limit a test set out to meet, unless the endpoint's own is what
// refuses.
func (b brazeAPI) admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := b.fault.take(now)
	if admitted {
		own, ownAdmitted := b.limit.take(now)
		if q.limit == 0 || !ownAdmitted {
			q, admitted = own, ownAdmitted
		}
	}
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
