package developerapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// vendor speaks the conventions of Amplitude's Developer API
// (amplitude.com/docs/apis/developer): {"data": …} envelopes and an RFC 9457
// problem document for every failure. A rate limit is reported only in the
// problem's retry_after_seconds: the vendor documents no rate-limit or
// Retry-After header, so a client must not find one here either (open point:
// Rate limit, x-modelled in api/amplitude-developer.openapi.yaml).
//
// It is served under /developer-api, as its own host would be, with its own
// rate-limit window: the Developer API is a separate service from the
// Amplitude APIs under /amplitude.
type vendor struct {
	// limit is the rate-limit fault's window; the vendor publishes no
	// numeric limit to model.
	limit *core.Window
}

// problemTypeBase prefixes a problem's type, a URI naming its kind, as the
// vendor's problem examples have it (…/problems/rate-limit-exceeded;
// amplitude.com/docs/apis/developer).
const problemTypeBase = "https://developer-api.amplitude.com/problems/"

// problemDocument is the body of every Developer API error, served as
// application/problem+json: the vendor's RFC 9457 problem details
// (amplitude.com/docs/apis/developer).
type problemDocument struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Instance  string `json:"instance"`
	ErrorCode string `json:"error_code"`
	Retryable bool   `json:"retryable"`
	// RetryAfterSeconds is present on a 429 (open point: Rate limit,
	// x-modelled in api/amplitude-developer.openapi.yaml), and on any other
	// refusal that is worth retrying after a pause (an Idempotency-Key still
	// in use, idempotency.go).
	RetryAfterSeconds *int `json:"retry_after_seconds,omitempty"`
	// ValidationErrors is present only when problems have a place in the
	// request.
	ValidationErrors []core.FieldProblem `json:"validation_errors,omitempty"`
}

func (vendor) WriteError(w http.ResponseWriter, r *http.Request, e *core.APIError) {
	code := developerErrorCode(e)
	body := problemDocument{
		Type:             problemTypeBase + problemSlug(code),
		Title:            http.StatusText(e.Status),
		Status:           e.Status,
		Detail:           strings.Join(e.Messages, "; "),
		Instance:         r.URL.Path,
		ErrorCode:        code,
		Retryable:        e.Status == http.StatusTooManyRequests || e.Status >= 500 || e.RetryAfterSeconds > 0,
		ValidationErrors: e.Fields,
	}
	if e.Status == http.StatusTooManyRequests || e.RetryAfterSeconds > 0 {
		body.RetryAfterSeconds = &e.RetryAfterSeconds
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(e.Status)
	_ = json.NewEncoder(w).Encode(body) // The client may be gone; nothing to do then.
}

// developerErrorCode is the error_code of e: its own, else the one the
// Developer API uses for its status (amplitude.com/docs/apis/developer:
// validation_error, not_found, rate_limit_exceeded, upstream_error,
// operation_availability_unavailable, upstream_timeout). 405, 412 and 422
// are open points: DELETE, and Error codes of 412 / 422 (x-modelled in
// api/amplitude-developer.openapi.yaml). The vendor names no code for 413 or
// 500; payload_too_large and internal_error are the sandbox's. A failure
// injected by the error_rate fault (the sandbox's own, core.Faults) takes
// the code the vendor gives that status when its own upstreams fail, or
// injected_error for any other status.
func developerErrorCode(e *core.APIError) string {
	if e.Code != "" {
		return e.Code
	}
	if e.Injected {
		switch e.Status {
		case http.StatusInternalServerError:
			return "internal_error"
		case http.StatusBadGateway:
			return "upstream_error"
		case http.StatusServiceUnavailable:
			return "operation_availability_unavailable"
		case http.StatusGatewayTimeout:
			return "upstream_timeout"
		}
		return "injected_error"
	}
	switch e.Status {
	case http.StatusBadRequest:
		return codeValidationError
	case http.StatusNotFound:
		return codeNotFound
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusRequestEntityTooLarge:
		// The vendor documents neither a size limit nor its code; the
		// sandbox's (core.MaxBodyBytes).
		return "payload_too_large"
	case http.StatusPreconditionFailed:
		return "version_mismatch"
	case http.StatusUnprocessableEntity:
		return codeInvalidConfig
	case http.StatusTooManyRequests:
		return "rate_limit_exceeded"
	case http.StatusBadGateway:
		return "upstream_error"
	case http.StatusServiceUnavailable:
		return "operation_availability_unavailable"
	case http.StatusGatewayTimeout:
		return "upstream_timeout"
	}
	return "internal_error"
}

// The error codes the handlers name themselves.
const (
	codeValidationError        = "validation_error"
	codePaginationNotSupported = "pagination_not_supported"
	codeAuthenticationRequired = "authentication_required"
	codeInvalidToken           = "invalid_token"
	codeInsufficientScope      = "insufficient_scope"
	codeNotFound               = "not_found"
	codeInvalidConfig          = "invalid_config"
)

// problemSlug names a problem type after its code. The vendor files a
// missing scope under the general "forbidden" type (its insufficient_scope
// example; amplitude.com/docs/apis/developer).
func problemSlug(code string) string {
	if code == codeInsufficientScope {
		return "forbidden"
	}
	return strings.ReplaceAll(code, "_", "-")
}

// Admit only speaks up when the rate-limit fault (the sandbox's own,
// core.Faults) is on; its 429 is the one of open point: Rate limit
// (x-modelled in api/amplitude-developer.openapi.yaml).
func (v vendor) Admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := v.limit.Take(now)
	if admitted {
		return true
	}
	retryAfter := q.RetryAfter(now)
	tooMany := core.Refuse(http.StatusTooManyRequests,
		"too many requests: the limit is %d a second; retry after %d seconds", q.Limit, retryAfter)
	tooMany.RetryAfterSeconds = retryAfter
	v.WriteError(w, r, tooMany)
	return false
}

// refuseWith is a refusal with its own error code.
func refuseWith(status int, code, format string, args ...any) *core.APIError {
	e := core.Refuse(status, format, args...)
	e.Code = code
	return e
}

// refuseField is a refusal of one located problem.
func refuseField(status int, errorCode, field, problem, format string, args ...any) error {
	var p core.FieldProblems
	p.Add(field, problem, format, args...)
	return p.Err(status, errorCode)
}

// dataEnvelope is the envelope of one object; listEnvelope that of a page
// of a list (amplitude.com/docs/apis/developer).
type dataEnvelope struct {
	Data any `json:"data"`
}

type listEnvelope struct {
	Data       any        `json:"data"`
	Pagination pagination `json:"pagination"`
}

type pagination struct {
	NextCursor *string `json:"next_cursor"`
	HasMore    bool    `json:"has_more"`
}

func writeData(w http.ResponseWriter, status int, data any) {
	core.WriteJSON(w, status, dataEnvelope{Data: data})
}

func writeList[T any](w http.ResponseWriter, items []T, next *string) {
	if items == nil {
		items = []T{}
	}
	core.WriteJSON(w, http.StatusOK, listEnvelope{Data: items, Pagination: pagination{NextCursor: next, HasMore: next != nil}})
}
