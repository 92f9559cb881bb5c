package sandbox

import (
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// developerAPI speaks the conventions of Amplitude's Developer API
// (DESIGN.md §3.1): {"data": …} envelopes, an RFC 9457 problem document for
// every failure, and a rate limit that is reported only in the problem's
// retry_after_seconds: the vendor documents no rate-limit or Retry-After
// header, so a client must not find one here either.
//
// It is served under /developer-api, as its own host would be, with its own
// rate-limit window: the Developer API is a separate service from the
// Amplitude APIs under /amplitude.
type developerAPI struct {
	limit *window
}

// DeveloperAPIPath is where the sandbox serves the Developer API: its base
// URL is the sandbox's URL followed by this path, and every vendor path
// below it starts with /v1, as on the vendor's host.
const DeveloperAPIPath = "/developer-api"

// problemTypeBase prefixes a problem's type, a URI naming its kind.
const problemTypeBase = "https://developer-api.amplitude.com/problems/"

// problemDocument is the body of every Developer API error, served as
// application/problem+json.
type problemDocument struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Instance  string `json:"instance"`
	ErrorCode string `json:"error_code"`
	Retryable bool   `json:"retryable"`
	// RetryAfterSeconds is present on a 429, and on any other refusal that
	// is worth retrying after a pause (a key still in use).
	RetryAfterSeconds *int `json:"retry_after_seconds,omitempty"`
	// ValidationErrors is present only when problems have a place in the
	// request.
	ValidationErrors []fieldProblem `json:"validation_errors,omitempty"`
}

func (developerAPI) writeError(w http.ResponseWriter, r *http.Request, e *apiError) {
	code := developerErrorCode(e)
	body := problemDocument{
		Type:             problemTypeBase + problemSlug(code),
		Title:            http.StatusText(e.status),
		Status:           e.status,
		Detail:           strings.Join(e.messages, "; "),
		Instance:         r.URL.Path,
		ErrorCode:        code,
		Retryable:        e.status == http.StatusTooManyRequests || e.status >= 500 || e.retryAfterSeconds > 0,
		ValidationErrors: e.fields,
	}
	if e.status == http.StatusTooManyRequests || e.retryAfterSeconds > 0 {
		body.RetryAfterSeconds = &e.retryAfterSeconds
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(e.status)
	_ = json.NewEncoder(w).Encode(body) // The client may be gone; nothing to do then.
}

// developerErrorCode is the error_code of e: its own, else the one the
// Developer API uses for its status. A failure injected by the error_rate
// fault takes the code the vendor gives that status when its own upstreams
// fail, or injected_error for any other status.
func developerErrorCode(e *apiError) string {
	if e.code != "" {
		return e.code
	}
	if e.injected {
		switch e.status {
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
	switch e.status {
	case http.StatusBadRequest:
		return codeValidationError
	case http.StatusNotFound:
		return codeNotFound
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusRequestEntityTooLarge:
		// The vendor documents no code for a body past its size limit.
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
// missing scope under the general "forbidden" type.
func problemSlug(code string) string {
	if code == codeInsufficientScope {
		return "forbidden"
	}
	return strings.ReplaceAll(code, "_", "-")
}

// admit only speaks up when the rate-limit fault is on: the vendor
// publishes no numeric limit to model.
func (d developerAPI) admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := d.limit.take(now)
	if admitted {
		return true
	}
	retryAfter := max(1, int(math.Ceil(q.reset.Sub(now).Seconds())))
	tooMany := refuse(http.StatusTooManyRequests,
		"too many requests: the limit is %d a second; retry after %d seconds", q.limit, retryAfter)
	tooMany.retryAfterSeconds = retryAfter
	d.writeError(w, r, tooMany)
	return false
}

// refuseWith is a refusal with its own error code.
func refuseWith(status int, code, format string, args ...any) *apiError {
	e := refuse(status, format, args...)
	e.code = code
	return e
}

// refuseField is a refusal of one located problem.
func refuseField(status int, errorCode, field, problem, format string, args ...any) error {
	var p fieldProblems
	p.add(field, problem, format, args...)
	return p.err(status, errorCode)
}

// developerData is the envelope of one object.
type developerData struct {
	Data any `json:"data"`
}

// developerList is the envelope of a page of a list.
type developerList struct {
	Data       any                 `json:"data"`
	Pagination developerPagination `json:"pagination"`
}

type developerPagination struct {
	NextCursor *string `json:"next_cursor"`
	HasMore    bool    `json:"has_more"`
}

func writeDeveloperData(w http.ResponseWriter, status int, data any) {
	writeJSON(w, status, developerData{Data: data})
}

func writeDeveloperList[T any](w http.ResponseWriter, items []T, next *string) {
	if items == nil {
		items = []T{}
	}
	writeJSON(w, http.StatusOK, developerList{Data: items, Pagination: developerPagination{NextCursor: next, HasMore: next != nil}})
}

// The Developer API's list parameters: limit from 1 to 200, 50 by default.
// A cursor is an offset into a search index that serves the first 10,000
// results of a query; the sandbox's cursors name the last object seen
// instead, so objects added or removed between pages shift nothing, and
// the window is enforced by counting.
const (
	developerDefaultPageSize = 50
	developerMaxPageSize     = 200
	developerSearchWindow    = 10_000
)

// parseDeveloperPage reads limit and cursor; bad values are 400s located at
// the parameter.
func parseDeveloperPage(q url.Values) (page, error) {
	p := page{}
	var ok bool
	err := parseDeveloperList(q, &p.limit, func(cursor string) bool {
		p.after, ok = decodeCursor(cursor)
		return ok
	})
	return p, err
}

// parseDeveloperNamePage is parseDeveloperPage for a list in name order.
func parseDeveloperNamePage(q url.Values) (namePage, error) {
	p := namePage{}
	var ok bool
	err := parseDeveloperList(q, &p.limit, func(cursor string) bool {
		p.after, ok = decodeNameCursor(cursor)
		return ok
	})
	return p, err
}

// parseDeveloperList reads limit into limit, and hands the cursor, if one
// is sent, to decode, which reports whether it is valid.
func parseDeveloperList(q url.Values, limit *int, decode func(cursor string) bool) error {
	*limit = developerDefaultPageSize
	var problems fieldProblems
	if q.Has("limit") {
		s := q.Get("limit")
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > developerMaxPageSize {
			problems.add("limit", problemInvalidValue, "limit %q must be a whole number from 1 to %d", s, developerMaxPageSize)
		}
		*limit = n
	}
	if q.Has("cursor") {
		if s := q.Get("cursor"); !decode(s) {
			problems.add("cursor", problemInvalidValue, "cursor %q is not valid: pass the pagination.next_cursor of the previous page, with the same filters", s)
		}
	}
	return problems.err(http.StatusBadRequest, codeValidationError)
}

// developerPageOf is pageOf within the search window: a page may not start
// past the first window results of the (filtered) list.
func developerPageOf[T any](items []T, seq func(T) int64, p page, window int) ([]T, *string, error) {
	skipped := 0
	for _, item := range items {
		if seq(item) <= p.after {
			skipped++
		}
	}
	if skipped >= window {
		return nil, nil, refuseWith(http.StatusBadRequest, codePaginationNotSupported,
			"cursor is past the first %d results this list can page through; narrow the query with its filters", window)
	}
	out, next := pageOf(items, seq, p)
	return out, next, nil
}

// developerPageByName is developerPageOf for items sorted by name, whose
// cursors name the last item seen.
func developerPageByName[T any](items []T, name func(T) string, p namePage, window int) ([]T, *string, error) {
	// Where the page starts: at the first name after the cursor's (every
	// name is after "", the first page's).
	start, _ := slices.BinarySearchFunc(items, p.after, func(item T, after string) int {
		if name(item) <= after {
			return -1
		}
		return 1
	})
	if start >= window {
		return nil, nil, refuseWith(http.StatusBadRequest, codePaginationNotSupported,
			"cursor is past the first %d results this list can page through; narrow the query with q", window)
	}
	rest := items[start:]
	if len(rest) <= p.limit {
		return rest, nil, nil
	}
	out := rest[:p.limit]
	return out, encodeNameCursor(name(out[len(out)-1])), nil
}

// parseBoolParam reads a true|false query parameter; absent is nil.
func parseBoolParam(q url.Values, name string, problems *fieldProblems) *bool {
	if !q.Has(name) {
		return nil
	}
	switch v := q.Get(name); v {
	case "true":
		return ptr(true)
	case "false":
		return ptr(false)
	default:
		problems.add(name, problemInvalidValue, "%s %q must be true or false", name, v)
		return nil
	}
}
