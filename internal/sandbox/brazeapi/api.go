package brazeapi

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// vendor speaks Braze's conventions (braze.com/docs/api/errors): a
// {"message": …} body, "success" or the fatal error, with "errors" listing
// the details; X-RateLimit-* headers on every response.
type vendor struct {
	// fault is the rate-limit fault's window, one for every Braze endpoint;
	// its limit is 0 (admitting everything) while the fault is off.
	fault *core.Window
	// limit is the endpoints' own hourly limit
	// (braze.com/docs/api/api_limits): Braze's default, or a limit a group
	// of endpoints shares.
	limit *core.Window
}

// Braze's hourly limits (braze.com/docs/api/api_limits): a default for the
// endpoints without their own, and one that the exports of custom
// attributes, custom events and products share.
const (
	defaultLimit = 250_000
	exportLimit  = 1_000
)

type errorBody struct {
	Message string   `json:"message"`
	Errors  []string `json:"errors"`
}

func (vendor) WriteError(w http.ResponseWriter, _ *http.Request, e *core.APIError) {
	core.WriteJSON(w, e.Status, errorBody{Message: strings.Join(e.Messages, "; "), Errors: e.Messages})
}

// Admit takes a request from the fault's window, then from the endpoint's
// own: X-RateLimit-Limit, -Remaining and -Reset (epoch seconds) on every
// answer, and 429 "Rate Limited" past the limit (braze.com/docs/api/api_limits,
// braze.com/docs/api/errors). The headers report the fault's window (the
// sandbox's own, core.Faults) while the fault is on, since it is the limit
// a test set out to meet, unless the endpoint's own is what refuses.
func (v vendor) Admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := v.fault.Take(now)
	if admitted {
		own, ownAdmitted := v.limit.Take(now)
		if q.Limit == 0 || !ownAdmitted {
			q, admitted = own, ownAdmitted
		}
	}
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(q.Limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(q.Remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(q.Reset.Unix(), 10))
	if !admitted {
		v.WriteError(w, r, core.Refuse(http.StatusTooManyRequests,
			"Rate Limited: over the limit of %d requests; retry after %s (X-RateLimit-Reset)", q.Limit, q.Reset.UTC().Format(time.RFC3339)))
	}
	return admitted
}

// writeSuccess answers {"message": "success"} plus the fields of extra
// (braze.com/docs/api/errors, "Server responses").
func writeSuccess(w http.ResponseWriter, extra map[string]any) {
	body := map[string]any{"message": "success"}
	for k, v := range extra {
		body[k] = v
	}
	core.WriteJSON(w, http.StatusOK, body)
}
